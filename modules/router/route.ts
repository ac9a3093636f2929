/**
 * The router as a pure function of a request: usable behind node:http (server.ts) or any serverless host.
 * Every POST must carry a valid `X-Twilio-Signature` for the public URL; numbers dialled come only from the
 * organisation's data.
 */
import { maskPhone } from '../model/checks-common';
import { phoneTexts, type PhoneTexts } from '../model/phone-texts';
import type { PhoneSpeech } from '../model/types';
import { dialCallerId } from './caller-id';
import type { FormFields } from './form';
import type { DialLevel, RouterState } from './state';
import { validSignature, wellFormedSignature } from './signature';
import { dial, forwardSms, hangup, say } from './twiml';

export interface RouterRequest {
  readonly method: string;
  /** Path and query, as received (`/voice/next?level=1`). */
  readonly url: string;
  readonly signature: string | undefined;
  /** The body's form fields (`readForm(text)`). */
  readonly form: FormFields;
}

export interface RouterResponse {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  /** A log line: no full phone number in it. */
  readonly log: Record<string, unknown>;
}

export interface RouteContext {
  readonly state: RouterState;
  readonly authToken: string;
  /** The base URL Twilio calls (`https://oncall-router-1.acme.example`): signatures are computed on it. */
  readonly publicUrl: string;
  readonly now: number;
  /** `false` when request logs are off: the answer's log then holds only method, path and status. */
  readonly logs?: boolean;
}

/** Validation refuses a language without texts; English is only a guard for data built otherwise. */
const textsFor = (speech: PhoneSpeech): PhoneTexts => phoneTexts(speech.language) ?? (phoneTexts('en') as PhoneTexts);

/** The webhooks Twilio calls: POST only, signed. */
export const WEBHOOK_PATHS: ReadonlySet<string> = new Set(['/voice', '/voice/next', '/sms']);

/** The refusal of a webhook whose signature is missing or malformed: it cannot match, whatever the body. */
export function unsigned(method: string, path: string, signature: string | undefined): RouterResponse {
  return {
    status: 403,
    contentType: 'text/plain',
    body: 'invalid signature\n',
    log: { method, path, status: 403, reason: signature === undefined ? 'no signature' : 'malformed signature' },
  };
}

const xmlResponse = (status: number, body: string, log: Record<string, unknown>): RouterResponse => ({
  status,
  contentType: 'text/xml',
  body,
  log,
});

export function route(req: RouterRequest, ctx: RouteContext): RouterResponse {
  const q = req.url.indexOf('?');
  const path = q < 0 ? req.url : req.url.slice(0, q);
  const log: Record<string, unknown> = { method: req.method, path };
  if (req.method === 'GET' && path === '/healthz') {
    return {
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ status: 'ok', lines: ctx.state.lineCount, loadedAt: new Date(ctx.state.loadedAt).toISOString() }),
      log: { ...log, status: 200 },
    };
  }
  if (!WEBHOOK_PATHS.has(path)) return { status: 404, contentType: 'text/plain', body: 'not found\n', log: { ...log, status: 404 } };
  if (req.method !== 'POST') return { status: 405, contentType: 'text/plain', body: 'POST only\n', log: { ...log, status: 405 } };

  const url = (ctx.publicUrl.endsWith('/') ? ctx.publicUrl.replace(/\/+$/, '') : ctx.publicUrl) + req.url;
  if (!wellFormedSignature(req.signature)) return unsigned(req.method, path, req.signature);
  if (!validSignature(ctx.authToken, req.signature, url, req.form)) {
    return {
      status: 403,
      contentType: 'text/plain',
      body: 'invalid signature\n',
      log: { ...log, status: 403, reason: 'forged signature' },
    };
  }
  const form = req.form;
  const to = form.To ?? '';
  const dialStatus = form.DialCallStatus;
  const detailed = ctx.logs !== false;
  if (detailed) Object.assign(log, { line: maskPhone(to), from: maskPhone(form.From ?? ''), call: form.CallSid ?? form.MessageSid });
  const levels = ctx.state.levels(to, ctx.now);
  const entry = ctx.state.line(to);
  if (!levels || !entry) {
    const speech = ctx.state.defaultSpeech;
    return xmlResponse(404, say(textsFor(speech).notALine, speech), { ...log, status: 404, reason: 'line not configured' });
  }
  const line = entry.line;

  if (path === '/sms') {
    const first = levels[0];
    if (!first) return xmlResponse(200, hangup(), { ...log, status: 200, forwarded: null });
    return xmlResponse(200, forwardSms(numbersOf(first), form.From ?? '', form.Body ?? ''), {
      ...log,
      status: 200,
      forwardedTo: first.map((c) => c.person),
      numbers: first.map((c) => maskPhone(c.number)),
    });
  }

  let level = 0;
  if (path === '/voice/next') {
    const m = /[?&]level=([0-9]{1,3})(&|$)/.exec(req.url);
    if (!m) return { status: 400, contentType: 'text/plain', body: 'level missing\n', log: { ...log, status: 400 } };
    level = Number(m[1]);
    if (dialStatus === 'completed' || dialStatus === 'answered')
      return xmlResponse(200, hangup(), { ...log, status: 200, outcome: 'answered', level: level - 1 });
  }
  const target = levels[level];
  const action = `/voice/next?level=${level + 1}`;
  const shown = dialCallerId(line, form.From);
  // The TwiML of a level depends only on the line and the snapshot: rendered once, reused until the handoff.
  // Showing the caller's number makes it depend on the request too: then it is rendered per call.
  const body =
    target && shown.caller
      ? dial(numbersOf(target), action, shown.number)
      : (ctx.state.answer(to, ctx.now, level, (list) => {
          const t = list[level];
          return t ? dial(numbersOf(t), action, line.number) : say(textsFor(line.speech).nobody, line.speech);
        }) as string);
  if (!target) return xmlResponse(200, body, { ...log, status: 200, outcome: 'nobody reached', level });
  log.status = 200;
  if (!detailed) return { status: 200, contentType: 'text/xml', body, log };
  log.level = level;
  log.dialed = target.map((c) => c.person);
  log.roles = target.map((c) => c.role);
  log.numbers = target.map((c) => maskPhone(c.number));
  log.callerId = shown.caller ? 'caller' : 'line';
  if (dialStatus) log.previous = dialStatus;
  return { status: 200, contentType: 'text/xml', body, log };
}

const numbersOf = (level: DialLevel): string[] => level.map((c) => c.number);
