// A scenario through Stoplight Prism's validating proxy: Prism forwards each request to the local run and reports
// in the `sl-violations` header where the request or the answer contradicts the OpenAPI document. The scenario
// reads every GET operation of the document (ids found in earlier answers fill the path parameters), and writes
// through the common operations (join, change a member, RSVP, create and change an event). It fails when any
// answer carries a violation, or when a tag of the document was not touched.
//
// Usage: node scenario.mjs <document URL> <Prism URL> (tokens in ADMIN_TOKEN, ORGANISER_TOKEN)

const [documentUrl, prismUrl] = process.argv.slice(2);
const admin = process.env.ADMIN_TOKEN;
const document = await (await fetch(documentUrl)).json();

const answers = [];
const violations = [];
const tagsTouched = new Set();
const idsByCollection = new Map();
const calledTemplates = new Set();

function operationOf(method, template) {
  return document.paths[template]?.[method.toLowerCase()];
}

async function call(method, template, path, { token = admin, body, contentType = 'application/json', headers = {} } = {}) {
  const response = await fetch(prismUrl + path, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'Content-Type': contentType } : {}),
      ...headers,
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  const operation = operationOf(method, template);
  calledTemplates.add(`${method} ${template}`);
  operation?.tags?.forEach((tag) => tagsTouched.add(tag));
  const reported = response.headers.get('sl-violations');
  answers.push({ operationId: operation?.operationId, status: response.status });
  if (response.status >= 400) console.log(`  ${method} ${path}: ${response.status} ${text.slice(0, 200)}`);
  if (reported) {
    for (const violation of JSON.parse(reported)) {
      violations.push({ operation: operation?.operationId ?? `${method} ${path}`, status: response.status, ...violation });
    }
  }
  let json;
  try { json = JSON.parse(text); } catch { json = undefined; }
  harvest(template, json);
  return { status: response.status, json, etag: response.headers.get('etag') };
}

// Remember the ids an answer shows: items of a list under its collection path, and every `somethingId` field.
function harvest(template, json) {
  if (!json || typeof json !== 'object') return;
  const items = Array.isArray(json) ? json : Array.isArray(json.items) ? json.items : null;
  if (items) {
    for (const item of items) {
      if (item && item.id) {
        remember(template, item.id);
        // a nested list (/elections/{electionId}/ballots) names ids of the top-level collection (/ballots) too
        remember(`/${template.split('/').pop()}`, item.id);
      }
    }
  }
  const walk = (value) => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!value || typeof value !== 'object') return;
    // an election at the ballot level is a ballot paper: its id names /ballots/{ballotPaperId}
    if (value.level === 'ballot' && typeof value.electionId === 'string') remember('{ballotPaperId}', value.electionId);
    for (const [key, field] of Object.entries(value)) {
      if (key.endsWith('Id') && typeof field === 'string') remember(`{${key}}`, field);
      walk(field);
    }
  };
  walk(json);
}

function remember(key, id) {
  if (!idsByCollection.has(key)) idsByCollection.set(key, []);
  const ids = idsByCollection.get(key);
  if (!ids.includes(id) && ids.length < 5) ids.push(id);
}

// Fill a template's path parameters: a parameter after /collection takes an id listed at that collection's path
// (as filled so far), or one seen as a field of the same name.
function fill(template) {
  let filled = '';
  let collection = '';
  for (const segment of template.split('/').slice(1)) {
    const parameter = segment.match(/^\{(.+)\}$/);
    if (!parameter) {
      filled += `/${segment}`;
      collection += `/${segment}`;
      continue;
    }
    const ids = idsByCollection.get(collection) ?? idsByCollection.get(`{${parameter[1]}}`);
    if (!ids?.length) return null;
    filled += `/${ids[0]}`;
    collection += `/${segment}`;
  }
  return filled;
}

// Writes first, so the reads find what they made.
const run = Math.random().toString(36).slice(2, 10);
const joined = await call('POST', '/members', '/members', {
  body: { givenName: 'Prism', familyName: 'Proxy', email: `prism.${run}@example.org`, postcode: 'PL4 8AA' },
  headers: { 'Idempotency-Key': crypto.randomUUID() },
});
if (joined.json?.id) {
  remember('/members', joined.json.id);
  await call('PATCH', '/members/{id}', `/members/${joined.json.id}`, {
    body: { phone: '+44 7700 900123', locality: null }, contentType: 'application/merge-patch+json',
    headers: joined.etag ? { 'If-Match': joined.etag } : {},
  });
}
const branches = await call('GET', '/branches', '/branches');
const branchId = branches.json?.items?.[0]?.id;
const start = new Date(Date.now() + 30 * 24 * 3600 * 1000);
const created = await call('POST', '/events', '/events', {
  body: {
    title: `Prism canvass ${run}`, type: 'canvass', branchId,
    startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 7200 * 1000).toISOString(),
    timeZone: 'Europe/London', location: { venue: 'Market Square', town: 'Plymouth', postcode: 'PL1 2AB' },
  },
  headers: { 'Idempotency-Key': crypto.randomUUID() },
});
if (created.json?.id) {
  await call('PATCH', '/events/{id}', `/events/${created.json.id}`, {
    body: { title: `Prism canvass ${run}, changed` }, contentType: 'application/merge-patch+json',
    headers: created.etag ? { 'If-Match': created.etag } : {},
  });
}
const coming = await call('GET', '/events', '/events?town=Plymouth&status=published&limit=50', { token: null });
for (const event of coming.json?.items ?? []) {
  const slots = await call('GET', '/events/{eventId}/timeslots', `/events/${event.id}/timeslots`, { token: null });
  const open = (slots.json ?? []).find((slot) => new Date(slot.startsAt) > new Date());
  if (open) {
    await call('POST', '/events/{eventId}/timeslots/{timeslotId}/rsvps',
      `/events/${event.id}/timeslots/${open.id}/rsvps`, {
        token: null, body: { givenName: 'Prism', familyName: 'Public', email: `prism.rsvp.${run}@example.org`, consent: false },
        headers: { 'Idempotency-Key': crypto.randomUUID() },
      });
    break;
  }
}

// Ballot papers are elections at the ballot level; their candidacies are listed per ballot.
const elections = await call('GET', '/elections', '/elections?limit=100');
const ballotPaperId = idsByCollection.get('{ballotPaperId}')?.[0];
if (ballotPaperId) {
  await call('GET', '/candidacies', `/candidacies?ballot=${encodeURIComponent(ballotPaperId)}`);
}

// Every GET of the document: collections first (they name the ids), then the templates with parameters.
const gets = Object.entries(document.paths).filter(([template, item]) => item.get
    && !calledTemplates.has(`GET ${template}`)).map(([template]) => template)
  .sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0) || a.length - b.length);
const unreachable = [];
for (let pass = 0; pass < 2; pass++) {
  for (const template of [...gets]) {
    const path = fill(template);
    if (!path) continue;
    gets.splice(gets.indexOf(template), 1);
    await call('GET', template, path);
  }
}
unreachable.push(...gets);

const allTags = new Set(Object.values(document.paths).flatMap((item) => Object.values(item))
  .flatMap((operation) => operation?.tags ?? []));
const untouched = [...allTags].filter((tag) => !tagsTouched.has(tag));
const byStatus = answers.reduce((counts, { status }) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }), {});
console.log(`Prism proxy: ${answers.length} answers over ${new Set(answers.map((a) => a.operationId)).size} `
  + `operations and ${tagsTouched.size} of ${allTags.size} tags; by status ${JSON.stringify(byStatus)}; `
  + `${violations.length} sl-violations.`);
if (unreachable.length) console.log(`GET operations without ids to fill them: ${unreachable.join(', ')}`);
for (const violation of violations) {
  console.log(`  ${violation.operation} ${violation.status}: ${violation.severity} ${violation.location?.join('.')} `
    + `${violation.message}`);
}
if (untouched.length) console.log(`Tags not touched: ${untouched.join(', ')}`);
process.exit(violations.length === 0 && untouched.length === 0 ? 0 : 1);
