/**
 * `pagerduty:index/serviceIntegration:ServiceIntegration`: PagerDuty/terraform-provider-pagerduty@v2.4.0
 * pagerduty/resource_pagerduty_service_integration.go (schema, CustomizeDiff, fetchPagerDutyServiceIntegration,
 * flattenEmailFilters).
 */
import type { Value } from '../../../modules/render/desired';
import { PD } from '../../../modules/backends/pagerduty/resources';
import type { ResourceContract } from '../contract';
import { API, collector, defined, list, obj, schemaViolations, TF, withoutZeroWhereUnset } from './common';

const FILE = 'resource_pagerduty_service_integration.go';
const SCHEMA = TF(FILE, 'resourcePagerDutyServiceIntegration');
const TYPES = [
  'aws_cloudwatch_inbound_integration',
  'cloudkick_inbound_integration',
  'event_transformer_api_inbound_integration',
  'events_api_v2_inbound_integration',
  'generic_email_inbound_integration',
  'generic_events_api_inbound_integration',
  'keynote_inbound_integration',
  'nagios_inbound_integration',
  'pingdom_inbound_integration',
  'sql_monitor_inbound_integration',
];
const MODES = ['always', 'match', 'no-match'];

/**
 * The filter PagerDuty gives a generic e-mail integration created without one: every mode `always`, no
 * expressions. PagerDuty/terraform-provider-pagerduty@v2.10.1:pagerduty/resource_pagerduty_service_integration.go
 * #customizeServiceIntegrationDiff names it (isEFDefaultConfigBlock) when it stops the diff it causes; at
 * v2.4.0 `email_filter` is ForceNew and not Computed, so that filter read back replaces the integration.
 */
export const DEFAULT_EMAIL_FILTER: Readonly<Record<string, Value>> = { subjectMode: 'always', bodyMode: 'always', fromEmailMode: 'always' };

function readFilters(inputs: Record<string, Value>): Value[] | undefined {
  if (inputs.type !== 'generic_email_inbound_integration')
    return inputs.emailFilters === undefined ? undefined : readSent(inputs.emailFilters);
  // The API returns the filters sent, or the default one when none were sent; Read sets them either way.
  return inputs.emailFilters === undefined ? [{ ...DEFAULT_EMAIL_FILTER }] : readSent(inputs.emailFilters);
}

/** flattenEmailFilters: every field, "" for an expression the API returns as null. */
function readSent(filters: Value): Value[] {
  return list(filters).map((f) => {
    const filter = obj(f);
    return withoutZeroWhereUnset(
      filter,
      defined({
        subjectMode: filter.subjectMode ?? '',
        subjectRegex: filter.subjectRegex ?? '',
        bodyMode: filter.bodyMode ?? '',
        bodyRegex: filter.bodyRegex ?? '',
        fromEmailMode: filter.fromEmailMode ?? '',
        fromEmailRegex: filter.fromEmailRegex ?? '',
      }),
    );
  });
}

export const serviceIntegrationContract: ResourceContract = {
  type: PD.integration,
  source: TF(FILE),
  validate(resource, ctx) {
    const { out, check } = collector();
    out.push(...schemaViolations(resource.type, resource.inputs));
    const inputs = resource.inputs;
    check(inputs.service !== undefined, 'service', 'required', SCHEMA);
    check(!(inputs.type !== undefined && inputs.vendor !== undefined), 'type', 'conflicts with vendor', SCHEMA);
    if (inputs.type !== undefined)
      check(TYPES.includes(String(inputs.type)), 'type', `\`${String(inputs.type)}\` is not an integration type`, SCHEMA);
    if (inputs.type === 'generic_email_inbound_integration') {
      const email = inputs.integrationEmail;
      check(
        typeof email === 'string' && email !== '',
        'integrationEmail',
        'integration_email attribute must be set for an integration type generic_email_inbound_integration',
        TF(FILE, 'resourcePagerDutyServiceIntegration.CustomizeDiff'),
      );
      check(
        typeof email === 'string' && /^[a-z0-9][a-z0-9._+-]*@[a-z0-9-]+\.pagerduty\.com$/i.test(email),
        'integrationEmail',
        'an address @<subdomain>.pagerduty.com',
        API('/components/schemas/Integration/allOf/1/properties/integration_email'),
      );
      // One mailbox, one integration: the address is how PagerDuty finds the integration a message is for.
      const same = [...ctx.resources.values()].filter(
        (r) => r.type === PD.integration && r.name !== resource.name && r.inputs.integrationEmail === email,
      );
      check(
        same.length === 0,
        'integrationEmail',
        `also the address of ${same.map((r) => r.name).join(', ')}`,
        API('/components/schemas/Integration/allOf/1/properties/integration_email'),
      );
    }
    list(inputs.emailFilters).forEach((f, i) => {
      const filter = obj(f);
      for (const part of ['subject', 'body', 'fromEmail'] as const) {
        const mode = filter[`${part}Mode`];
        check(
          mode !== undefined,
          `emailFilters[${i}].${part}Mode`,
          'required by the API',
          API('/components/schemas/Integration/allOf/1/properties/email_filters/items/required'),
        );
        if (mode !== undefined)
          check(
            MODES.includes(String(mode)),
            `emailFilters[${i}].${part}Mode`,
            `\`${String(mode)}\` is not always, match or no-match`,
            SCHEMA,
          );
        if (mode === 'match' || mode === 'no-match')
          check(
            typeof filter[`${part}Regex`] === 'string',
            `emailFilters[${i}].${part}Regex`,
            `an expression to ${String(mode)}`,
            API('/components/schemas/Integration/allOf/1/properties/email_filters'),
          );
      }
    });
    return out;
  },
  readBack(resource) {
    const inputs = resource.inputs as Record<string, Value>;
    return withoutZeroWhereUnset(
      inputs,
      defined({
        name: inputs.name,
        service: inputs.service,
        // Optional and Computed: a vendor integration reads back the type the vendor implies.
        type: inputs.type,
        vendor: inputs.vendor,
        integrationEmail: inputs.integrationEmail,
        emailFilters: readFilters(inputs),
      }),
    );
  },
  computed: [
    'type',
    'vendor',
    'integrationKey',
    'integrationEmail',
    'emailIncidentCreation',
    'emailFilterMode',
    'emailParsingFallback',
    'emailFilters[].id',
    'emailParsers[].id',
  ],
  // #resourcePagerDutyServiceIntegration: service, type, vendor and email_filter are ForceNew.
  forceNew: ['service', 'type', 'vendor', 'emailFilters'],
};
