/** Where the history is read from, as the options say; and org.yaml's `reports` settings, checked like any key. */
import { describe, expect, it } from 'vitest';
import { historySource } from '../../modules/cli/history-options';
import { loadOrganisation } from '../../modules/model/load';
import { FIXTURE_DIR, fixtureTree, lineOf, withEdit } from '../helpers';
import { captureIo } from './cli-io';

const io = captureIo(Date.parse('2026-03-01T00:00:00Z')).io;

describe('history options', () => {
  it('reads an export directory for the backend named, and none when no option is given', () => {
    expect(historySource({ 'from-dir': 'exports', backend: 'datadog' }, FIXTURE_DIR, io)).toEqual({
      backend: 'datadog',
      source: { kind: 'dir', dir: 'exports' },
    });
    expect(historySource({}, FIXTURE_DIR, io)).toBeUndefined();
  });

  it('sends the stack’s requests to --api-url, with the keys of the environment', () => {
    const env = captureIo(Date.parse('2026-03-01T00:00:00Z')).io;
    const values = { stack: 'acme-opsgenie', 'api-url': 'http://127.0.0.1:8080' };
    expect(historySource(values, FIXTURE_DIR, { ...env, env: { OPSGENIE_API_KEY: 'k' } })).toEqual({
      backend: 'opsgenie',
      source: { kind: 'api', baseUrl: 'http://127.0.0.1:8080', headers: { Authorization: 'GenieKey k' } },
    });
    // Without it, the stack's own address: Opsgenie's EU site for this stack.
    expect(historySource({ stack: 'acme-opsgenie' }, FIXTURE_DIR, { ...env, env: { OPSGENIE_API_KEY: 'k' } })).toMatchObject({
      source: { baseUrl: 'https://api.eu.opsgenie.com' },
    });
  });

  it.each([
    [{ 'from-dir': 'x' }, /--from-dir needs --backend/],
    [{ 'from-dir': 'x', backend: 'victorops' }, /--backend must be one of pagerduty, opsgenie, datadog/],
    [{ 'from-dir': 'x', stack: 'acme-pagerduty' }, /either --stack or --from-dir/],
    [{ backend: 'opsgenie' }, /--backend goes with --from-dir/],
    [{ stack: 'nope' }, /unknown stack `nope`; stacks in .*: acme-datadog, acme-opsgenie, acme-pagerduty/],
    [{ 'from-dir': 'x', backend: 'opsgenie', 'api-url': 'http://127.0.0.1:9' }, /--api-url goes with --stack/],
    [{ stack: 'acme-pagerduty', 'api-url': 'api.pagerduty.com' }, /--api-url must be an http\(s\) address/],
  ])('refuses %j', (values, message) => {
    expect(() => historySource(values, FIXTURE_DIR, io)).toThrow(message);
  });
});

describe('org.yaml `reports`', () => {
  it('defaults to acknowledge-to-resolve and 10 pages in 30 days', () => {
    expect(loadOrganisation(fixtureTree()).organisation!.reports).toEqual({
      intervention: 'acknowledge-to-resolve',
      noisy: { pages: 10, days: 30 },
    });
  });

  it.each(['reports: { intervention: ack-to-fix }\n', 'reports: { noisy: { pages: 0 } }\n', 'reports: { noisy: { hits: 3 } }\n'])(
    'refuses %s, at its line',
    (yaml) => {
      const tree = withEdit('org.yaml', /^fairness:/m, `${yaml}fairness:`);
      const errors = loadOrganisation(tree).problems.filter((p) => p.severity === 'error');
      expect(errors.map((e) => [e.file, e.line])).toEqual([['teams/org.yaml', lineOf('org.yaml', 'reports:', tree)]]);
    },
  );
});
