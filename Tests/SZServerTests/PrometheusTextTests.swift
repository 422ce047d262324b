import Testing

@testable import SZServer

@Suite("Prometheus text exposition")
struct PrometheusTextTests {
    @Test("Families render with HELP, TYPE, escaped labels and whole numbers without a fraction")
    func rendering() {
        let text = PrometheusText.render([
            MetricFamily(
                name: "demo_total",
                help: "A \\ backslash\nand a newline.",
                kind: .counter,
                samples: [.init(labels: [("path", "a\"b\\c\nd")], value: 3), .init(value: 0.25)]
            )
        ])
        #expect(
            text == """
                # HELP demo_total A \\\\ backslash\\nand a newline.
                # TYPE demo_total counter
                demo_total{path="a\\"b\\\\c\\nd"} 3
                demo_total 0.25

                """
        )
    }

    @Test("Histogram buckets are cumulative and end with +Inf, then _sum and _count")
    func histogram() {
        var histogram = Histogram(bounds: [0.1, 1])
        for value in [0.05, 0.1, 0.5, 7] { histogram.observe(value) }
        let samples = histogram.samples(labels: [("route", "/x")])
        #expect(samples.map(\.suffix) == ["_bucket", "_bucket", "_bucket", "_sum", "_count"])
        #expect(samples.map(\.value) == [2, 3, 4, 0.05 + 0.1 + 0.5 + 7, 4])
        #expect(samples.prefix(3).map { $0.labels.last?.value } == ["0.1", "1", "+Inf"])
    }
}
