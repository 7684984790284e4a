/**
 * The commit message a task's plan writes, as verification reads it. The plan parser takes
 * `git commit -m "$(cat <<'EOF' … EOF)"` for a quoted message whose text is the `$(cat …`
 * wrapper; the message is the heredoc's body.
 */
import type { Task } from '../plan/types.js';

export interface PlannedMessage {
  subject: string;
  text: string;
}

export function plannedMessage(task: Task): PlannedMessage | undefined {
  if (!task.commit) return undefined;
  let text = task.commit.text;
  const heredoc = /^\s*\$\(\s*cat\s*<<-?\s*['"]?(\w+)['"]?\s*\n([\s\S]*?)\n\s*\1\b/.exec(text);
  if (heredoc) text = heredoc[2]!.trim();
  const subject = heredoc ? (text.split('\n')[0] ?? '').trim() : task.commit.subject.text.trim();
  return subject === '' ? undefined : { subject, text };
}
