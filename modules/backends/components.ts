/** The type tokens of our own Pulumi components (modules/pulumi): part of every URN, so they never change. */
export const COMPONENTS = {
  /** `OnCallOrganisation`: the whole of teams/. */
  organisation: 'oncall:index:Organisation',
  /** One per squad, the parent of everything it provisions. */
  squad: 'oncall:squad:Squad',
  /** The root of `npm run bench`'s registration measure. */
  benchRoot: 'oncall:bench:Root',
} as const;
