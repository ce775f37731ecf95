/**
 * Turns schema validation issues into one sentence a coordinator understands. The schemas in
 * contract.ts carry their own messages; this adds the field name where the message lacks one and
 * explains the structural problems (unknown fields, wrong types) zod reports in its own words.
 */
export interface ValidationIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
}

export function describeInvalidInput(issues: readonly ValidationIssue[]): string {
  const sentences = issues.slice(0, 3).map(describeIssue);
  const unique = [...new Set(sentences)];
  const extra = issues.length - 3;
  const more = extra > 0 ? ` (and ${extra} more ${extra === 1 ? 'problem' : 'problems'})` : '';
  return unique.join(' ') + more;
}

function describeIssue(issue: ValidationIssue): string {
  if (issue.code === 'unrecognized_keys' && issue.keys?.length) {
    const list = issue.keys.map((k) => `"${k}"`).join(', ');
    return issue.keys.length === 1
      ? `The input has a field this action does not take: ${list}.`
      : `The input has fields this action does not take: ${list}.`;
  }
  if (issue.path.length === 0 && issue.code === 'invalid_type') return 'The input must be a JSON object.';
  const message = issue.message.trim();
  // Our own messages are full sentences starting with a capital; zod's defaults are not.
  if (/^[A-Z]/.test(message) && message.endsWith('.')) return message;
  const where = issue.path.length ? `"${issue.path.map(String).join('.')}"` : 'The input';
  return `${where}: ${message.charAt(0).toLowerCase()}${message.slice(1)}${message.endsWith('.') ? '' : '.'}`;
}
