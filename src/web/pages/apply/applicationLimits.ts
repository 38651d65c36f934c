/** The application's text fields with the limits of OpenMatterBody (contracts/tolerance.ts); the test compares them. */
export const APPLICATION_LIMITS = { title: 200, summary: 20000, accountabilityRef: 200 } as const;
