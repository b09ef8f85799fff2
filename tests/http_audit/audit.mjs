// Runs every GraphQL-over-HTTP server audit of graphql-http against a running service, so that
// the claim "clients that follow the spec just work" is checked by the spec's own audit suite.
//
//   node tests/http_audit/audit.mjs http://127.0.0.1:8000/graphql [--token SECRET]
//
// Prints one line per audit (ok, or the level that failed and why) and the summary
// "MUST failures: N, SHOULD failures: N, MAY: N" (MAY counts the optional audits not met).
// Exits 1 when a MUST or SHOULD audit is not ok or an audit could not run, 2 on bad usage.
// The audits' requests ({ __typename }, __type(name:)) need no token; with --token every
// request carries "Authorization: Bearer SECRET" as well.

import { serverAudits } from 'graphql-http';

const USAGE = 'usage: node audit.mjs URL [--token SECRET]';

/** The URL and token from the command line, or null when they do not make sense. */
function parseArguments(argv) {
  let url = null;
  let token = null;
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--token' && i + 1 < argv.length) {
      token = argv[i + 1];
      i += 1;
    } else if (url === null && !argv[i].startsWith('--')) {
      url = argv[i];
    } else {
      return null;
    }
  }
  return url === null ? null : { url, token };
}

/** A fetch that adds the bearer token to every audit request, when one was given. */
function fetchWithToken(token) {
  if (token === null) return fetch;
  return (input, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${token}`);
    return fetch(input, { ...init, headers });
  };
}

/** MUST, SHOULD or MAY: the level an audit's name starts with. */
function levelOf(name) {
  return name.split(' ', 1)[0];
}

/** One audit's result; an audit that throws (no answer at all) counts as not ok. */
async function runAudit(audit) {
  try {
    return await audit.fn();
  } catch (error) {
    return { id: audit.id, name: audit.name, status: 'fatal', reason: String(error) };
  }
}

async function main() {
  const args = parseArguments(process.argv.slice(2));
  if (args === null) {
    console.error(USAGE);
    return 2;
  }
  const audits = serverAudits({ url: args.url, fetchFn: fetchWithToken(args.token) });
  const failures = { MUST: 0, SHOULD: 0, MAY: 0 };
  let fatal = 0;
  for (const audit of audits) {
    const result = await runAudit(audit);
    const level = levelOf(result.name);
    if (result.status === 'ok') {
      console.log(`ok      ${result.id} ${result.name}`);
      continue;
    }
    failures[level === 'MUST' || level === 'SHOULD' ? level : 'MAY'] += 1;
    if (result.status === 'fatal') fatal += 1;
    let detail = result.reason;
    if (result.response) {
      const body = await result.response.text().catch(() => '');
      detail += ` (status ${result.response.status}: ${body.slice(0, 200)})`;
    }
    console.log(`${result.status.padEnd(7)} ${result.id} ${result.name}: ${detail}`);
  }
  console.log(`${audits.length} audits; the MAY count is the optional ones not met.`);
  console.log(
    `MUST failures: ${failures.MUST}, SHOULD failures: ${failures.SHOULD}, MAY: ${failures.MAY}`,
  );
  return failures.MUST > 0 || failures.SHOULD > 0 || fatal > 0 ? 1 : 0;
}

process.exitCode = await main();
