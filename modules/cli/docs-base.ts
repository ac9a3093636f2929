/**
 * Where the documentation of the problem codes is read online, for the links of SARIF output:
 * in a GitHub Actions run, the docs/ of the repository at the commit being checked (GitHub sets these
 * variables in every run); elsewhere none, and the rules name the page in their help only.
 */
export function docsBaseFromEnvironment(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = env;
  if (!server || !repository || !/^[\w.-]+\/[\w.-]+$/.test(repository) || !/^https?:\/\/[^\s/]+$/.test(server.replace(/\/+$/, '')))
    return undefined;
  return `${server.replace(/\/+$/, '')}/${repository}/blob/${sha && /^[0-9a-f]{7,64}$/i.test(sha) ? sha : 'HEAD'}/`;
}

/**
 * SARIF rules need an absolute `helpUri`, so SARIF output links to the docs online when it can. Markdown keeps
 * links relative to the repository, the same wherever the command runs.
 */
export function sarifDocsBase(format: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return format === 'sarif' ? docsBaseFromEnvironment(env) : undefined;
}
