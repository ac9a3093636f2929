/**
 * `oncall-as-code`: the Pulumi component that provisions an organisation (`OnCallOrganisation`), and everything
 * of `oncall-as-code/offline` (loader, who is on call, plans).
 */
export { OnCallOrganisation, type OnCallOrganisationArgs } from './pulumi/organisation';
export { Squad } from './pulumi/squad';
export * from './offline';
