import Foundation
import JSONSchema

/// Reading JSON files for the command line, with errors that name the file, line and column.
enum JSONFile {
    struct ReadError: Error, CustomStringConvertible {
        let description: String
    }

    /// Files larger than this are refused before they are read.
    static let maximumSize = 512 * 1024 * 1024

    static func read(_ path: String) throws(ReadError) -> JSONValue {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let size = attributes?[.size] as? Int else {
            throw ReadError(description: "\(path): cannot read the file")
        }
        guard size <= maximumSize else {
            throw ReadError(description: "\(path): the file is \(size) bytes, more than the \(maximumSize) allowed")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ReadError(description: "\(path): cannot read the file")
        }
        defer { try? handle.close() }
        do {
            // Read in chunks: the parsed document is held, its text never is whole.
            return try JSONParser().parse { buffer in
                guard let chunk = try handle.read(upToCount: buffer.count) else { return 0 }
                return chunk.copyBytes(to: buffer)
            }
        } catch let error as JSONParseError {
            throw ReadError(description: "\(path):\(error.line):\(error.column): \(error.message)")
        } catch {
            throw ReadError(description: "\(path): cannot read the file: \(error.localizedDescription)")
        }
    }

    static func uri(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.absoluteString
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
