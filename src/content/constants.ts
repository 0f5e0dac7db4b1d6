/** Ids of the help lines in content/help-lines.yaml; text refers to them as `{tel:<id>}`. */
export const HELP_LINE_IDS = ['emergency', 'police', 'kvinnofridslinjen', 'vardguiden'] as const;
export type HelpLineId = (typeof HELP_LINE_IDS)[number];

/** Values the page text can insert with `{name}`; they come from configuration or content/facts.yaml. */
export const TEXT_TOKENS = ['email', 'siteName', 'retentionDays', 'period', 'statementDate'] as const;
export type TextToken = (typeof TEXT_TOKENS)[number];
