/**
 * A realistic Opsgenie account, written by hand in Opsgenie's JSON (test/migrate/opsgenie/account/, an export
 * directory of the endpoints the import reads; read.test.ts serves it through the API description's extract): an
 * e-signature company's squads with a run rotation in business hours and night and weekend rotations in one
 * schedule, restrictions wrapping midnight, daily turns in Europe/Paris across the spring clock change, a roster
 * change, past and future overrides, escalations with a repeat, team routing rules by time and by tag, a custom
 * condition, e-mail, API, Datadog and Slack integrations and users' notification rules.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { opsgenieAdapter } from '../../../modules/migrate/opsgenie';
import { renameObserved } from '../../../modules/migrate/rename';
import type { Service } from '../../../modules/model/types';
import { analyse } from '../../../modules/pipeline';
import { expectGolden } from '../../golden';
import { expectedPaged, opsgeniePaged } from '../../fidelity/service-routing';
import { importedTree } from './imported-tree';

const DIR = join(__dirname, 'account');
const NOW = Date.parse('2026-03-01T00:00:00Z');
const HOUR = 3_600_000;

describe('a hand-written Opsgenie account', async () => {
  const account = await opsgenieAdapter.read({ kind: 'dir', dir: DIR });
  const observed = opsgenieAdapter.observe(account);
  const result = opsgenieAdapter.importTeams(observed, { phones: false, now: NOW });
  const tree = importedTree(result.teams);
  const analysis = analyse(tree, NOW);

  it('imports into YAML that validates, as the golden files show', () => {
    expect(analysis.problems.filter((p) => p.severity === 'error')).toEqual([]);
    for (const [file, text] of tree.files) expectGolden(`import/opsgenie/${file}`, text);
  });

  it('is deterministic: the same account gives the same YAML', () => {
    const again = importedTree(opsgenieAdapter.importTeams(opsgenieAdapter.observe(account), { phones: false, now: NOW }).teams);
    expect([...again.files]).toEqual([...tree.files]);
  });

  it('lists everything the YAML cannot say, with the source object and why', () => {
    const listed = result.findings.map((f) => `${f.kind} ${f.source.type} ${f.source.id}: ${f.what}`);
    expect(listed).toEqual([
      'dropped user contact u-camille-sms: phone number',
      'dropped user contact u-camille-voice: phone number',
      'dropped user contact u-karim-sms: phone number',
      'dropped notification rule nr-camille-new: sms step',
      'dropped notification rule nr-camille-new: call step',
      'approximated notification rule nr-camille-new: notification rule name',
      'approximated notification rule nr-hugo-new: notification rule name',
      'dropped notification rule nr-hugo-start: notification rule for schedule-start',
      'dropped notification rule nr-karim-p1: notification rule conditions',
      'approximated schedule s-sig-astreinte: rotations at the same time',
      'dropped schedule s-sig-astreinte: past overrides',
      'approximated schedule override week-end-de-paques: override of one rotation',
      'dropped schedule s-sre-nuit: past overrides',
      'approximated schedule s-sre-ancien: disabled schedule',
      'dropped schedule s-sre-ancien: schedule without rotations',
      'dropped team routing rule rr-p1: routing rule conditions',
      'approximated escalation e-sig-astreinte: escalation rule condition',
      'approximated escalation e-sre-jour: escalation rule condition',
      'dropped escalation e-sre-nuit: escalation recipient of type team',
      'approximated integration i-mail: e-mail address',
      'dropped integration i-api: API integration',
      'dropped integration i-slack: Slack integration',
    ]);
    for (const f of result.findings) expect(f.why).toMatch(/\w{4,}/);
  });

  it('imports phone numbers only when asked, and then the steps that use them', () => {
    const withPhones = opsgenieAdapter.importTeams(observed, { phones: true, now: NOW });
    const camille = withPhones.teams.org.people['camille-dupont'];
    expect(camille).toMatchObject({
      phone: '+33639981201',
      pushDevice: 'iPhone de Camille',
      notify: { high: ['push', { sms: '5m' }, { call: '10m' }] },
    });
    expect(result.teams.org.people['camille-dupont']).toEqual({
      name: 'Camille Dupont',
      email: 'camille.dupont@signa.example',
      pushDevice: 'iPhone de Camille',
      notify: { high: ['push'] },
    });
    expect(JSON.stringify([...tree.files.values()])).not.toContain('639981');
  });

  it('pages whom the account pages: the SRE squad and the webhooks service, 8 weeks across the clock change', () => {
    const org = analysis.organisation!;
    const state = renameObserved(observed, result.links);
    const sre: Service = { id: '(sre)', squad: 'sre', name: 'sre', retired: false, source: { file: '', line: 0, column: 0 } };
    const webhooks = org.services.get('webhooks')!;
    expect(webhooks.promise?.outsideCoverage).toBe('none');
    const wrong: string[] = [];
    let paged = 0;
    for (let t = NOW; t < NOW + 8 * 7 * 24 * HOUR; t += HOUR) {
      for (const service of [sre, webhooks]) {
        const said = opsgeniePaged(org, state, service, t);
        const engine = expectedPaged(org, 'opsgenie', service, t);
        if (said.first.length > 0) paged++;
        if (JSON.stringify(said) !== JSON.stringify(engine) && wrong.length < 5)
          wrong.push(`${new Date(t).toISOString()} ${service.id}: account ${JSON.stringify(said)}, YAML ${JSON.stringify(engine)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(paged).toBeGreaterThan(1000);
  });
});
