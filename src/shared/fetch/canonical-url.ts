/** Query parameters that track a click and never change the article. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'msclkid',
  'yclid',
  'twclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  'ref',
  'ref_src',
  'ref_url',
  'cmpid',
  'ocid',
  'xtor',
  'at_medium',
  'at_campaign',
  'wt_mc',
  'sc_cid',
  '_ga',
  '_gl',
  'spm',
  'share',
  'smid',
  'cid',
  'icid',
  'mbid',
  'taid',
  'itm_source',
  'itm_medium',
  'itm_campaign',
  'itm_content',
  'outputtype',
]);

function isTrackingParam(name: string): boolean {
  const n = name.toLowerCase();
  return n.startsWith('utm_') || n.startsWith('pk_') || TRACKING_PARAMS.has(n);
}

/**
 * One spelling per article URL: scheme and host lower-cased, default port,
 * fragment and tracking parameters dropped, the rest of the query sorted.
 * Input that is not an absolute http(s) URL comes back unchanged.
 */
export function canonicalizeUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return input.trim();
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return input.trim();
  url.hash = '';
  const kept = [...url.searchParams.entries()]
    .filter(([name]) => !isTrackingParam(name))
    .sort(([a, av], [b, bv]) =>
      a === b ? av.localeCompare(bv) : a < b ? -1 : 1,
    );
  url.search = '';
  for (const [name, value] of kept) url.searchParams.append(name, value);
  // URL already lower-cases scheme and host and drops default ports.
  let out = url.toString();
  if (url.pathname === '/' && kept.length === 0) out = out.replace(/\/$/, '');
  return out;
}
