// The question to ask before a destructive or large action, or null when none is needed.

/** Above this many replicas a deploy or scale asks first. */
export const LARGE_REPLICAS = 20;

export function scaleQuestion(cluster: string, from: number, to: number): string | null {
  if (to < from) {
    const gone = from - to;
    return `Scale ${cluster} down from ${from} to ${to}? ${gone} container${gone === 1 ? "" : "s"} will be removed, newest first.`;
  }
  if (to > LARGE_REPLICAS && to !== from) return `Run ${to} replicas in ${cluster}? That is more than ${LARGE_REPLICAS}.`;
  return null;
}

export function deployQuestion(replicas: number): string | null {
  return replicas > LARGE_REPLICAS ? `Deploy ${replicas} replicas? That is more than ${LARGE_REPLICAS}.` : null;
}

export function rollbackQuestion(cluster: string, version: number): string {
  return `Roll ${cluster} back to v${version}? Every container is replaced by v${version}, one at a time.`;
}

/** Ask `question` (when there is one) and tell whether to go on. */
export function confirmed(question: string | null, ask: (q: string) => boolean = (q) => window.confirm(q)): boolean {
  return question === null || ask(question);
}
