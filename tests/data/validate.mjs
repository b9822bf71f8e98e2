// The data files of a built site checked from outside: corpus.json and graph.json against their
// JSON Schemas (docs/schema/) with ajv, every akn.xml for well-formedness with xmllint, and
// `resgen export` against the files the build wrote.
// Env: RESGEN (the binary), RESGEN_SOURCE_DIR, RESGEN_WORK (a scratch folder), XMLLINT.
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const src = process.env.RESGEN_SOURCE_DIR;
const work = process.env.RESGEN_WORK;
const require = createRequire(path.join(src, 'tests/browser/package.json'));
let Ajv2020;
try {
  Ajv2020 = require('ajv/dist/2020').default;
} catch {
  console.error('ajv is missing: run scripts/browser-deps');
  process.exit(1);
}

let passed = 0, failed = 0;
function check(ok, what) {
  if (ok) passed++;
  else { failed++; console.error(`FAIL: ${what}`); }
}

mkdirSync(work, { recursive: true });
const site = path.join(work, 'site');
execFileSync(process.env.RESGEN, ['build', '--content', path.join(src, 'content'), '--out', site], { stdio: 'inherit' });

const ajv = new Ajv2020({ allErrors: true, strict: true });
const schema = (name) => ajv.compile(JSON.parse(readFileSync(path.join(src, 'docs/schema', name), 'utf8')));
const validateCorpus = schema('corpus.schema.json');
const validateGraph = schema('graph.schema.json');

const corpusText = readFileSync(path.join(site, 'data/corpus.json'), 'utf8');
const corpus = JSON.parse(corpusText);
const graph = JSON.parse(readFileSync(path.join(site, 'data/graph.json'), 'utf8'));
check(validateCorpus(corpus), `corpus.json against corpus.schema.json: ${ajv.errorsText(validateCorpus.errors)}`);
check(validateGraph(graph), `graph.json against graph.schema.json: ${ajv.errorsText(validateGraph.errors)}`);

// The schemas can say no: a document without its metadata, an edge of an unknown type.
const broken = structuredClone(corpus);
delete broken.documents[0].metadata;
check(!validateCorpus(broken), 'corpus.schema.json rejects a document without metadata');
const badEdge = structuredClone(graph);
badEdge.edges[0].type = 'mentions';
check(!validateGraph(badEdge), 'graph.schema.json rejects an unknown edge type');

// Every edge joins two nodes; every document of the collection has its AKN file, well-formed and linked.
const ids = new Set(graph.nodes.map((n) => n.id));
check(graph.edges.every((e) => ids.has(e.from) && ids.has(e.to)), 'every edge joins two nodes');
const recallers = graph.edges.filter((e) => e.to === 'A/RES/59/154' && e.type === 'recalls').map((e) => e.from);
check(recallers.includes('E/RES/2006/19') && recallers.includes('E/RES/2009/24'), `what recalls 59/154: ${recallers}`);
for (const doc of corpus.documents.filter((d) => d.in_collection)) {
  const file = path.join(site, doc.akn_file);
  try {
    execFileSync(process.env.XMLLINT || 'xmllint', ['--noout', '--nonet', file], { stdio: ['ignore', 'ignore', 'pipe'] });
    check(true);
  } catch (e) {
    check(false, `${doc.akn_file} is not well-formed: ${e.stderr}`);
  }
  const page = readFileSync(path.join(site, doc.page), 'utf8');
  check(page.includes('href="akn.xml"'), `${doc.page} links akn.xml`);
}

// `resgen export` gives the same bytes as the build.
const exported = execFileSync(process.env.RESGEN, ['export', '--format', 'json', '--content', path.join(src, 'content')]);
check(exported.toString('utf8') === corpusText, 'resgen export --format json equals data/corpus.json');
const akn = execFileSync(process.env.RESGEN, ['export', '--format', 'akn', '--document', 'A/RES/59/154', '--content', path.join(src, 'content')]);
check(akn.toString('utf8') === readFileSync(path.join(site, 'A/RES/59/154/akn.xml'), 'utf8'), 'resgen export --format akn equals the built akn.xml');

// Forms the seeds do not use (tests/fixtures/forms): decisions, early and special-session
// numbers, pinpoints without a number, an organ outside the built-in table. Its data files
// must meet the same schemas, and its Akoma Ntoso files be well-formed.
const forms = path.join(work, 'forms');
execFileSync(process.env.RESGEN, ['build', '--content', path.join(src, 'tests/fixtures/forms/content'), '--out', forms], { stdio: 'inherit' });
const formsCorpus = JSON.parse(readFileSync(path.join(forms, 'data/corpus.json'), 'utf8'));
check(validateCorpus(formsCorpus), `forms corpus.json against corpus.schema.json: ${ajv.errorsText(validateCorpus.errors)}`);
check(validateGraph(JSON.parse(readFileSync(path.join(forms, 'data/graph.json'), 'utf8'))),
      `forms graph.json against graph.schema.json: ${ajv.errorsText(validateGraph.errors)}`);
const kinds = new Set(formsCorpus.documents.flatMap((d) => (d.clauses || []).flatMap((c) => (c.citations || []).map((x) => x.kind))));
check(kinds.has('decision') && kinds.has('resolution'), `forms cite decisions and resolutions: ${[...kinds]}`);
for (const doc of formsCorpus.documents.filter((d) => d.in_collection)) {
  try {
    execFileSync(process.env.XMLLINT || 'xmllint', ['--noout', '--nonet', path.join(forms, doc.akn_file)], { stdio: ['ignore', 'ignore', 'pipe'] });
    check(true);
  } catch (e) {
    check(false, `forms ${doc.akn_file} is not well-formed: ${e.stderr}`);
  }
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
