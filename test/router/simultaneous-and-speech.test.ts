/**
 * The router on 127.0.0.1 with signed requests, for a managed-services pool as the seeds run it (GTI 1h: the
 * second technician is notified at M+30 alongside the first), a French organisation and a line that shows the
 * caller's number. Expected TwiML is built with the official `twilio` package's `twiml.VoiceResponse`
 * (twilio 6.2.0, lib/twiml/VoiceResponse.js): the router's answers must be what Twilio's own builder writes.
 */
import { rmSync } from 'node:fs';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRouter, type RunningRouter } from '../../modules/router/server';
import { fixtureTree, withEdit, withFiles, writeTree } from '../helpers';
import { AUTH_TOKEN, post } from './signed';

const GTI_LINE = '+33199000104';
const STOREFRONT_LINE = '+33199000101';
const CALLER = '+33612345678';
const PHONES = { emma: '+33639980301', farid: '+33639980302', gina: '+33639980303', manon: '+33639980901', alice: '+33639980101' };

/** A pool of technicians: #1 at once, #1 and #2 together at M+30, the manager at M+60. */
const GTI_TEAM = `name: GTI 1h
manager: manon
members: [emma, farid, gina]
rotations:
  tech1:
    members: [emma, farid, gina]
    start: 2026-01-05
  tech2:
    follows: tech1
    offset: 1
escalations:
  gti-1h:
    name: GTI 1h
    responseTarget: 1h
    steps:
      - notify: { rotation: tech1 }
      - after: 30m
        notify: [{ rotation: tech1 }, { rotation: tech2 }]
      - after: 60m
        notify: manager
phone:
  number: "${GTI_LINE}"
  callerId: caller
`;

function teams(): string {
  let tree = withEdit(
    'org.yaml',
    '  fallback: https://oncall-router-2.acme.example',
    '  fallback: https://oncall-router-2.acme.example\n  language: fr-FR\n  voice: Polly.Lea',
    fixtureTree(),
  );
  tree = withFiles({ 'gti/team.yaml': GTI_TEAM }, tree);
  return writeTree(tree);
}

/** What Twilio's builder writes for a `<Dial>` ringing `numbers` at once. */
function expectedDial(numbers: string[], level: number, callerId: string): string {
  const response = new twilio.twiml.VoiceResponse();
  const dial = response.dial({ timeout: 20, action: `/voice/next?level=${level}`, method: 'POST', callerId });
  for (const n of numbers) dial.number(n);
  return response.toString();
}

const voice = (line: string, extra: Record<string, string> = {}) => ({ CallSid: 'CA9', From: CALLER, To: line, ...extra });

let router: RunningRouter;
let dir: string;
const logs: Array<Record<string, unknown>> = [];
const NOW = Date.parse('2026-01-07T12:00:00+01:00'); // week of 2026-01-05: tech1 emma, tech2 farid

beforeAll(async () => {
  dir = teams();
  router = await startRouter({
    teamsDir: dir,
    port: 0,
    host: '127.0.0.1',
    authToken: AUTH_TOKEN,
    now: () => NOW,
    log: (e) => logs.push(e),
    env: {},
  });
});
afterAll(async () => {
  await router.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a step that names several people rings them at the same time', () => {
  it('M+0 rings technician #1 alone; M+30 rings #1 and #2 in one <Dial>; then the manager', async () => {
    const first = await post(router.url, '/voice', voice(GTI_LINE));
    expect(first.status).toBe(200);
    expect(first.body).toBe(expectedDial([PHONES.emma], 1, CALLER));

    const both = await post(router.url, '/voice/next?level=1', voice(GTI_LINE, { DialCallStatus: 'no-answer' }));
    expect(both.body).toBe(expectedDial([PHONES.emma, PHONES.farid], 2, CALLER));
    expect(both.body.match(/<Dial /g)).toHaveLength(1);

    const manager = await post(router.url, '/voice/next?level=2', voice(GTI_LINE, { DialCallStatus: 'no-answer' }));
    expect(manager.body).toBe(expectedDial([PHONES.manon], 3, CALLER));
  });

  it('whoever answers first ends the call there', async () => {
    const r = await post(router.url, '/voice/next?level=2', voice(GTI_LINE, { DialCallStatus: 'completed' }));
    const hangup = new twilio.twiml.VoiceResponse();
    hangup.hangup();
    expect(r.body).toBe(hangup.toString());
  });

  it('an SMS goes to everyone of the first step', async () => {
    const r = await post(router.url, '/sms', { MessageSid: 'SM9', From: CALLER, To: GTI_LINE, Body: "Serveur à l'arrêt" });
    const expected = new twilio.twiml.MessagingResponse();
    expected.message({ to: PHONES.emma }, `From ${CALLER}: Serveur à l'arrêt`);
    expect(r.body).toBe(expected.toString());
  });
});

describe("the caller's number shown to the person rung", () => {
  it('`callerId: line` (the default) shows the line; `caller` shows who called', async () => {
    const line = await post(router.url, '/voice', voice(STOREFRONT_LINE));
    expect(line.body).toBe(expectedDial([PHONES.alice], 1, STOREFRONT_LINE));
    const caller = await post(router.url, '/voice', voice(GTI_LINE, { From: '+33698765432' }));
    expect(caller.body).toBe(expectedDial([PHONES.emma], 1, '+33698765432'));
  });

  it("a withheld number (`anonymous`, or Twilio's former digits for it) shows the line instead", async () => {
    for (const from of ['anonymous', 'Restricted', '+266696687', '+7378742833', '+8656696', '+86282452253', '', 'x" onload="']) {
      const r = await post(router.url, '/voice', voice(GTI_LINE, { From: from }));
      expect(r.body, from).toBe(expectedDial([PHONES.emma], 1, GTI_LINE));
    }
  });
});

describe('the language and voice of the organisation', () => {
  it('nobody reached: said in French with the organisation’s voice', async () => {
    const r = await post(router.url, '/voice/next?level=3', voice(GTI_LINE, { DialCallStatus: 'busy' }));
    const expected = new twilio.twiml.VoiceResponse();
    expected.say(
      { language: 'fr-FR', voice: 'Polly.Lea' },
      "Personne de l'équipe d'astreinte n'a pu être joint. Merci de rappeler dans quelques minutes, ou de suivre la procédure d'incident.",
    );
    expected.hangup();
    expect(r.body).toBe(expected.toString());
  });

  it('a number that is not a line: said in the organisation’s language', async () => {
    const r = await post(router.url, '/voice', voice('+33199000999'));
    expect(r.status).toBe(404);
    const expected = new twilio.twiml.VoiceResponse();
    expected.say({ language: 'fr-FR', voice: 'Polly.Lea' }, "Ce numéro n'est pas une ligne d'astreinte.");
    expected.hangup();
    expect(r.body).toBe(expected.toString());
  });

  it('logs list who was rung at once, numbers masked, the caller id as a kind', () => {
    const both = logs.find((l) => Array.isArray(l.dialed) && (l.dialed as string[]).length === 2);
    expect(both).toMatchObject({ dialed: ['emma', 'farid'], roles: ['rotation gti/tech1', 'rotation gti/tech2'], callerId: 'caller' });
    expect(JSON.stringify(logs)).not.toMatch(/\+[0-9]{9,}/);
  });
});
