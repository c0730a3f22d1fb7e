import type { Metric, Registry } from 'prom-client';

/**
 * Counter and histogram families for the request path, exported through a prom-client registry.
 * prom-client hashes the label values on every `inc` and `observe`; here a child is looked up
 * once per label combination (by a string key the caller builds) and then updated as plain
 * numbers, and the exposition values are built only when /metrics is scraped.
 */
type Labels = Readonly<Record<string, string>>;

interface MetricValue {
  readonly value: number;
  readonly labels: Labels;
  readonly metricName?: string;
}

abstract class Family<C> {
  protected readonly children = new Map<string, { labels: Labels; child: C }>();

  constructor(
    readonly name: string,
    readonly help: string,
    readonly type: 'counter' | 'histogram',
    registry: Registry,
  ) {
    registry.registerMetric(this as unknown as Metric);
  }

  /** The child for `key`, or undefined the first time (then `add` it with its labels). */
  find(key: string): C | undefined {
    return this.children.get(key)?.child;
  }

  /** The child for `key`, made with these labels if new. */
  add(key: string, labels: Labels): C {
    const known = this.children.get(key);
    if (known) return known.child;
    const child = this.make();
    this.children.set(key, { labels, child });
    return child;
  }

  protected abstract make(): C;
  protected abstract values(labels: Labels, child: C): MetricValue[];

  /** What prom-client's registry reads to write the exposition text. */
  async getForPromString() {
    const values: MetricValue[] = [];
    for (const { labels, child } of this.children.values()) values.push(...this.values(labels, child));
    return { name: this.name, help: this.help, type: this.type, values, aggregator: 'sum' };
  }

  get() {
    return this.getForPromString();
  }

  reset(): void {
    this.children.clear();
  }
}

export class CounterFamily extends Family<{ value: number }> {
  constructor(name: string, help: string, registry: Registry) {
    super(name, help, 'counter', registry);
  }
  protected make() {
    return { value: 0 };
  }
  protected values(labels: Labels, child: { value: number }): MetricValue[] {
    return [{ labels, value: child.value }];
  }
}

export class HistogramChild {
  readonly counts: Float64Array;
  sum = 0;
  count = 0;
  constructor(readonly bounds: readonly number[]) {
    this.counts = new Float64Array(bounds.length);
  }
  observe(v: number): void {
    const b = this.bounds;
    let i = 0;
    while (i < b.length && v > b[i]) i++;
    if (i < b.length) this.counts[i]++;
    this.sum += v;
    this.count++;
  }
}

export class HistogramFamily extends Family<HistogramChild> {
  constructor(
    name: string,
    help: string,
    registry: Registry,
    readonly bounds: readonly number[],
  ) {
    super(name, help, 'histogram', registry);
  }
  protected make() {
    return new HistogramChild(this.bounds);
  }
  protected values(labels: Labels, h: HistogramChild): MetricValue[] {
    const out: MetricValue[] = [];
    let acc = 0;
    this.bounds.forEach((le, i) => {
      acc += h.counts[i];
      out.push({ labels: { ...labels, le: String(le) }, value: acc, metricName: `${this.name}_bucket` });
    });
    out.push({ labels: { ...labels, le: '+Inf' }, value: h.count, metricName: `${this.name}_bucket` });
    out.push({ labels, value: h.sum, metricName: `${this.name}_sum` });
    out.push({ labels, value: h.count, metricName: `${this.name}_count` });
    return out;
  }
}
