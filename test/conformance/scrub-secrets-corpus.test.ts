import { readFileSync } from 'node:fs';
import { applySpans, newScanState, SecretScanner, type DetectorMatch } from '@gatehouse/scrub';
import { corpusPath, describeWithCorpus } from '../support/corpora.js';

/**
 * Recall and false positives of the built-in detectors on the labelled samples published by
 * gitleaks and Nosey Parker. The thresholds are what the detectors measured when they were set:
 * recall floors only ever go up and false-positive ceilings only ever go down. A negative sample
 * counts as a false positive when anything at all is reported on it (many negatives of one rule
 * hold a real credential of another kind, so the ceilings are above zero).
 */
const RECALL_FLOOR_BY_FAMILY: Record<string, number> = {
  '1password': 1.0,
  adafruit: 0.96,
  adobe: 0.96,
  age: 0.96,
  airtable: 0.98,
  algolia: 0.96,
  alibaba: 0.96,
  asana: 0.96,
  atlassian: 0.97,
  authress: 1.0,
  aws: 0.95,
  azure: 1.0,
  beamer: 0.96,
  bitbucket: 0.96,
  bittrex: 0.96,
  blynk: 0.92,
  cisco: 0.96,
  clickhouse: 1.0,
  clojars: 1.0,
  cloudflare: 0.97,
  codecov: 0.96,
  coinbase: 0.96,
  confluent: 0.96,
  contentful: 0.96,
  curl: 0.79,
  databricks: 1.0,
  datadog: 0.96,
  defined: 1.0,
  digitalocean: 1.0,
  discord: 0.64,
  doppler: 1.0,
  droneci: 0.96,
  dropbox: 0.96,
  duffel: 1.0,
  dynatrace: 1.0,
  easypost: 1.0,
  etsy: 0.96,
  facebook: 0.97,
  fastly: 0.92,
  finicity: 0.96,
  finnhub: 0.96,
  flickr: 0.96,
  flutterwave: 0.97,
  flyio: 1.0,
  frameio: 1.0,
  freshbooks: 0.96,
  gcp: 1.0,
  generic: 0.82,
  github: 1.0,
  gitlab: 0.99,
  gitter: 0.96,
  gocardless: 0.96,
  google: 0.92,
  grafana: 1.0,
  harness: 1.0,
  hashicorp: 0.97,
  heroku: 0.98,
  hubspot: 0.96,
  huggingface: 1.0,
  infracost: 1.0,
  intercom: 0.96,
  jfrog: 0.96,
  jwt: 0.97,
  kraken: 0.96,
  kubernetes: 0.47,
  kucoin: 0.96,
  launchdarkly: 0.96,
  linear: 0.98,
  linkedin: 0.94,
  lob: 0.96,
  looker: 0.96,
  mailchimp: 1.0,
  mailgun: 0.97,
  mapbox: 0.96,
  mattermost: 0.96,
  maxmind: 1.0,
  messagebird: 0.96,
  mongodb: 1.0,
  netlify: 0.96,
  new: 0.99,
  newrelic: 0.92,
  npm: 1.0,
  nytimes: 0.96,
  odbc: 0.1,
  okta: 0.78,
  openai: 1.0,
  openshift: 1.0,
  particleio: 1.0,
  perplexity: 1.0,
  plaid: 0.96,
  planetscale: 1.0,
  postman: 1.0,
  prefect: 1.0,
  pulumi: 1.0,
  pwhash: 1.0,
  pypi: 1.0,
  rapidapi: 0.96,
  reactapp: 0.5,
  readme: 1.0,
  rubygems: 1.0,
  scalingo: 1.0,
  sendbird: 0.96,
  sendgrid: 0.92,
  sendinblue: 1.0,
  sentry: 0.99,
  settlemint: 1.0,
  shippo: 1.0,
  shopify: 0.98,
  sidekiq: 0.97,
  slack: 0.99,
  snyk: 0.97,
  sonar: 0.88,
  square: 1.0,
  squarespace: 0.96,
  stripe: 1.0,
  sumologic: 0.96,
  telegram: 0.96,
  travisci: 0.96,
  twilio: 1.0,
  twitch: 0.96,
  twitter: 0.96,
  typeform: 1.0,
  vault: 1.0,
  yandex: 0.98,
  zendesk: 0.96,
};
const OVERALL = {
  gitleaks: { recall: 0.97, redactedRecall: 0.95, falsePositiveCeiling: 0.18 },
  noseyparker: { recall: 0.8, falsePositiveCeiling: 0.27 },
};

interface Sample {
  rule_id: string;
  label: 'positive' | 'negative';
  text: string;
  expected_secret?: string;
}

function load(name: string): Sample[] {
  return readFileSync(corpusPath('secrets', name), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Sample);
}

function familyOf(ruleId: string): string {
  return ruleId.replace(/^np\./, '').split(/[-.]/)[0]!;
}

interface Tally {
  positives: number;
  found: number;
  negatives: number;
  falsePositives: number;
}

describeWithCorpus('secrets', 'scrub detectors on the public secret corpora', () => {
  const scanner = new SecretScanner();
  const families = new Map<string, Tally>();
  const totals: Record<string, Tally & { withSecret: number; redacted: number }> = {};

  beforeAll(() => {
    for (const [corpus, file] of [
      ['gitleaks', 'gitleaks-corpus.jsonl'],
      ['noseyparker', 'noseyparker-corpus.jsonl'],
    ] as const) {
      const total = { positives: 0, found: 0, negatives: 0, falsePositives: 0, withSecret: 0, redacted: 0 };
      totals[corpus] = total;
      for (const sample of load(file)) {
        const text = Buffer.from(sample.text, 'utf8').toString('latin1');
        const spans = scanner.scan(text, newScanState());
        const family = familyOf(sample.rule_id);
        const tally = families.get(family) ?? { positives: 0, found: 0, negatives: 0, falsePositives: 0 };
        families.set(family, tally);
        if (sample.label === 'positive') {
          total.positives++;
          tally.positives++;
          if (spans.length > 0) {
            total.found++;
            tally.found++;
          }
          if (sample.expected_secret) {
            total.withSecret++;
            const out = applySpans(text, spans, 'mask');
            if (!out.includes(Buffer.from(sample.expected_secret, 'utf8').toString('latin1'))) total.redacted++;
          }
        } else {
          total.negatives++;
          tally.negatives++;
          if (spans.length > 0) {
            total.falsePositives++;
            tally.falsePositives++;
          }
        }
      }
    }
    const lines = Object.entries(totals).map(
      ([corpus, t]) =>
        `${corpus}: recall ${(t.found / t.positives).toFixed(3)} (${t.found}/${t.positives}), ` +
        (t.withSecret ? `expected secret redacted ${(t.redacted / t.withSecret).toFixed(3)}, ` : '') +
        `false positives ${(t.falsePositives / t.negatives).toFixed(3)} (${t.falsePositives}/${t.negatives})`,
    );
    console.log(lines.join('\n'));
  });

  it('gitleaks samples: overall recall, redaction of the expected secret, false positives', () => {
    const t = totals.gitleaks!;
    expect(t.found / t.positives).toBeGreaterThanOrEqual(OVERALL.gitleaks.recall);
    expect(t.redacted / t.withSecret).toBeGreaterThanOrEqual(OVERALL.gitleaks.redactedRecall);
    expect(t.falsePositives / t.negatives).toBeLessThanOrEqual(OVERALL.gitleaks.falsePositiveCeiling);
  });

  it('Nosey Parker samples: overall recall and false positives', () => {
    const t = totals.noseyparker!;
    expect(t.found / t.positives).toBeGreaterThanOrEqual(OVERALL.noseyparker.recall);
    expect(t.falsePositives / t.negatives).toBeLessThanOrEqual(OVERALL.noseyparker.falsePositiveCeiling);
  });

  it('recall per rule family stays at or above its floor', () => {
    const below: string[] = [];
    for (const [family, floor] of Object.entries(RECALL_FLOOR_BY_FAMILY)) {
      const tally = families.get(family);
      if (!tally) {
        below.push(`${family}: no samples`);
        continue;
      }
      const recall = tally.found / tally.positives;
      if (recall < floor) below.push(`${family}: ${recall.toFixed(2)} < ${floor}`);
    }
    expect(below).toEqual([]);
  });
});

describeWithCorpus('secrets', 'the keyword prefilter on the public secret corpora', () => {
  // The prefilter (keywords, then each rule's hit check) only saves work: on every sample it finds
  // exactly what running every rule on every line finds.
  it('loses no match that running every rule on every line finds', () => {
    const detector = new SecretScanner().detector;
    const key = (m: DetectorMatch): string => `${m.rule.id}@${m.start}-${m.end}`;
    const lost: string[] = [];
    let matches = 0;
    for (const name of ['gitleaks-corpus.jsonl', 'noseyparker-corpus.jsonl']) {
      for (const sample of load(name)) {
        const text = Buffer.from(sample.text, 'utf8').toString('latin1');
        const filtered = new Set(detector.matchText(text).map(key));
        for (const match of detector.matchEveryLine(text)) {
          matches++;
          if (!filtered.has(key(match))) lost.push(`${sample.rule_id}: ${key(match)}`);
        }
      }
    }
    expect(matches).toBeGreaterThan(1000);
    expect(lost).toEqual([]);
  });
});
