import { HtmlValidate } from 'html-validate';

/**
 * html-validate's "standard" rules: those the HTML specification sets
 * (content models, attributes and their values, unique ids, the document's
 * structure), none of its style preferences. Runs offline: no page is sent
 * to the W3C service.
 */
const validator = new HtmlValidate({ extends: ['html-validate:standard'] });

/** What is wrong with an HTML document, one line per problem (empty when it is valid). */
export async function htmlProblems(html: string, name = 'page.html'): Promise<string[]> {
  const report = await validator.validateString(html, name);
  return report.results.flatMap((result) =>
    result.messages.map((message) => `${message.ruleId} at ${message.line}:${message.column}: ${message.message}`),
  );
}
