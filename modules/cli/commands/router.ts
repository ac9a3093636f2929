import { RouterSetupError, startRouter } from '../../router/server';
import { SecretsError } from '../../router/phones';
import { parseCommandArgs, stringOption } from '../args';
import { pathIn, type Io } from '../io';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from '../usage-error';

export const routerUsage = `oncall router [--port N] [--host ADDR] [--public-url URL] [--teams DIR] [--secrets FILE]

Answers Twilio's webhooks for the squads' on-call lines: POST /voice dials whoever is on call, POST
/voice/next the next level of the escalation when nobody answers, POST /sms forwards a message, GET
/healthz. Requests must be signed by Twilio for --public-url (the address Twilio calls). The auth token
comes from TWILIO_AUTH_TOKEN or the secrets file (ONCALL_SECRETS_FILE), which may also hold the phone
numbers. SIGHUP reloads the data and the secrets file (read and checked aside, within 10 s, the previous
data kept when it fails; the log says what was reloaded or why not); SIGTERM stops.`;

export async function routerCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    port: { type: 'string', default: '8080' },
    host: { type: 'string', default: '127.0.0.1' },
    'public-url': { type: 'string' },
    teams: { type: 'string', default: 'teams' },
    secrets: { type: 'string' },
  });
  const port = Number(stringOption(values, 'port'));
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be a port number');
  const publicUrl = stringOption(values, 'public-url');
  if (publicUrl !== undefined && !/^https?:\/\/[^/\s]+/.test(publicUrl))
    throw new UsageError('--public-url must be the http(s) base URL Twilio calls');
  const secrets = stringOption(values, 'secrets') ?? io.env.ONCALL_SECRETS_FILE;
  let router;
  try {
    router = await startRouter({
      teamsDir: pathIn(io, stringOption(values, 'teams') ?? 'teams'),
      secretsFile: secrets ? pathIn(io, secrets) : secrets,
      port,
      host: stringOption(values, 'host') ?? '127.0.0.1',
      publicUrl,
      now: () => io.now().getTime(),
      env: io.env,
      log: (entry) => io.out(JSON.stringify({ time: io.now().toISOString(), ...entry })),
    });
  } catch (err) {
    if (err instanceof RouterSetupError || err instanceof SecretsError) {
      io.err(`oncall router: ${err.message}`);
      return EXIT_PROBLEMS;
    }
    throw err;
  }
  const running = router;
  const onHup = (): void => void running.reload();
  process.on('SIGHUP', onHup);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGHUP', onHup);
      void running.close().then(resolve);
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  return EXIT_OK;
}
