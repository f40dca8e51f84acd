// Mirrors the API's domain pattern (AppCreate.domains) so typos show before saving.
const DOMAIN = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/;

export type ParsedDomains = { domains: string[]; errors: string[] };

/** Domains separated by commas, spaces or newlines; lower-cased, duplicates dropped. */
export function parseDomains(text: string): ParsedDomains {
  const domains: string[] = [];
  const errors: string[] = [];
  for (const raw of text.split(/[\s,]+/).filter(Boolean)) {
    const domain = raw.toLowerCase();
    if (domain.length > 253 || !DOMAIN.test(domain)) errors.push(`${raw} is not a domain name`);
    else if (!domains.includes(domain)) domains.push(domain);
  }
  if (domains.length > 50) errors.push("at most 50 domains");
  return { domains, errors };
}
