import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { CounterFamily, type HistogramChild, HistogramFamily } from './metric-families.js';

const METHOD_INDEX = new Map(
  ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'].map((m, i) => [m, i]),
);

/** Rows predicted per class for one model version: one Map lookup per row. */
export class PredictionCounts {
  readonly #byLabel = new Map<string, { value: number }>();
  constructor(
    private readonly family: CounterFamily,
    private readonly model: string,
    private readonly version: number | null,
  ) {}

  inc(label: string): void {
    let c = this.#byLabel.get(label);
    if (!c) {
      const version = String(this.version ?? 0);
      c = this.family.add(`${this.model} ${version} ${label}`, { model: this.model, version, class: label });
      this.#byLabel.set(label, c);
    }
    c.value++;
  }
}

/** Latency buckets in seconds: fine below a millisecond, where single-row predictions live. */
const LATENCY_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5];

/**
 * The server's Prometheus metrics, on a registry of its own (two servers in one process do not
 * mix). The request path only adds to plain numbers; the text is built when /metrics is read.
 */
export class ServerMetrics {
  readonly registry = new Registry();
  readonly #requests = new CounterFamily(
    'cairn_http_requests_total',
    'HTTP requests answered, by route pattern, method and status code.',
    this.registry,
  );
  readonly #latency = new HistogramFamily(
    'cairn_http_request_duration_seconds',
    'Time from request to answer in the server, by route pattern.',
    this.registry,
    LATENCY_BUCKETS,
  );
  readonly #errors = new CounterFamily(
    'cairn_http_errors_total',
    'Answers with a 4xx or 5xx status, by route pattern, status and error code.',
    this.registry,
  );
  readonly #predictions = new CounterFamily(
    'cairn_predictions_total',
    'Rows predicted, by model, version and predicted class ("value" for regressors).',
    this.registry,
  );
  readonly #warnings = new CounterFamily(
    'cairn_validation_warnings_total',
    'Validation findings let through with a warning (type converted, new category, out of range, missing), by model, version and kind.',
    this.registry,
  );
  readonly #swaps = new CounterFamily(
    'cairn_model_swaps_total',
    'Times a model was replaced by a new version after its alias moved.',
    this.registry,
  );
  #connections: () => Promise<number> = async () => 0;
  readonly #routes = new Map<string, { latency: HistogramChild; counts: Map<number, { value: number }> }>();
  readonly #byVersion = new WeakMap<object, PredictionCounts>();
  readonly #versions = new Map<string, number>();

  constructor(opts: { defaultMetrics?: boolean } = {}) {
    const self = this;
    new Gauge({
      name: 'cairn_http_connections_open',
      help: 'Client connections open now (keep-alive ones included; while draining, those with requests still being answered).',
      registers: [this.registry],
      async collect() {
        this.set(await self.#connections());
      },
    });
    new Gauge({
      name: 'cairn_model_version',
      help: 'Registered version being served per model (0 when served from a directory or run).',
      labelNames: ['model'] as const,
      registers: [this.registry],
      collect() {
        for (const [model, v] of self.#versions) this.set({ model }, v);
      },
    });
    if (opts.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry });
  }

  /** Where the open-connections gauge reads from (the listening server). */
  countConnections(count: () => Promise<number>): void {
    this.#connections = count;
  }

  /** One answered request: status and latency always, and the error code when status >= 400. */
  requestDone(route: string, method: string, status: number, seconds: number, errorCode?: string): void {
    let r = this.#routes.get(route);
    if (!r) {
      r = { latency: this.#latency.add(route, { route }), counts: new Map() };
      this.#routes.set(route, r);
    }
    r.latency.observe(seconds);
    // a number key (method and status): no string is built per request
    const key = status + 1000 * (METHOD_INDEX.get(method) ?? 9);
    let c = r.counts.get(key);
    if (!c) {
      c = this.#requests.add(`${route} ${method} ${status}`, { route, method, status: String(status) });
      r.counts.set(key, c);
    }
    c.value++;
    if (status >= 400) {
      const code = errorCode || 'unknown';
      const ek = `${route} ${status} ${code}`;
      (this.#errors.find(ek) ?? this.#errors.add(ek, { route, status: String(status), code })).value++;
    }
  }

  /** The per-class prediction counters of one model version (kept with the version object). */
  predictionsOf(owner: object, model: string, version: number | null): PredictionCounts {
    let counts = this.#byVersion.get(owner);
    if (!counts) {
      counts = new PredictionCounts(this.#predictions, model, version);
      this.#byVersion.set(owner, counts);
    }
    return counts;
  }

  /** Findings a request was answered with (its `warnings`): counted off the hot path, only when there are some. */
  warned(model: string, version: number | null, findings: readonly { readonly kind: string }[]): void {
    for (const f of findings) {
      const v = String(version ?? 0);
      const key = `${model} ${v} ${f.kind}`;
      (this.#warnings.find(key) ?? this.#warnings.add(key, { model, version: v, kind: f.kind })).value++;
    }
  }

  served(model: string, version: number | null, swapped: boolean): void {
    this.#versions.set(model, version ?? 0);
    if (swapped) (this.#swaps.find(model) ?? this.#swaps.add(model, { model })).value++;
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}
