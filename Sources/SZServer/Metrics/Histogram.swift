/// Observations counted into fixed buckets, as Prometheus histograms expect.
struct Histogram: Sendable {
    /// Upper bounds in seconds, from 5 ms to 10 s: API calls are fast, and a slow one is what an operator looks for.
    static let latencyBounds: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    let bounds: [Double]
    /// Observations per bucket (not cumulative); the last entry is above every bound.
    private(set) var counts: [Int]
    private(set) var sum: Double = 0

    init(bounds: [Double]) {
        self.bounds = bounds
        counts = Array(repeating: 0, count: bounds.count + 1)
    }

    mutating func observe(_ value: Double) {
        counts[bounds.firstIndex { value <= $0 } ?? bounds.count] += 1
        sum += value
    }

    /// `_bucket` samples with cumulative counts and `le` labels, then `_sum` and `_count`.
    func samples(labels: [(name: String, value: String)]) -> [MetricFamily.Sample] {
        var samples: [MetricFamily.Sample] = []
        var cumulative = 0
        for (index, bound) in (bounds + [.infinity]).enumerated() {
            cumulative += counts[index]
            samples.append(
                .init(
                    suffix: "_bucket",
                    labels: labels + [("le", PrometheusText.format(bound))],
                    value: Double(cumulative)
                )
            )
        }
        samples.append(.init(suffix: "_sum", labels: labels, value: sum))
        samples.append(.init(suffix: "_count", labels: labels, value: Double(cumulative)))
        return samples
    }
}
