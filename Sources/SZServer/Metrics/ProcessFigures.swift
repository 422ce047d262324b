import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Figures about this process that the system keeps.
enum ProcessFigures {
    /// The resident set size in bytes, from `/proc/self/statm`; nil where there is no `/proc` (the metric is then
    /// left out rather than faked).
    static func residentMemoryBytes() -> Int? {
        #if os(Linux)
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
        #else
        return nil
        #endif
    }
}
