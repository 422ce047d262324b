import Foundation
import HTTPTypes
import HummingbirdTesting
import JSONSchema
import Logging
import SZServer
import SZStore
import Testing

@Suite("The OpenAPI document")
struct OpenAPITests {
    @Test("It documents exactly the routes the router serves", arguments: ScratchDatabase.available)
    func matchesRouter(database: ScratchDatabase) async throws {
        let plan = try LaunchPlan.resolve(options: ServeOptions(), settings: .defaults, lanAddress: { nil })
        let store = try Store(location: .sqliteMemory, logger: Logger(label: "sessionzero.test"))
        let (_, routes) = try await buildRouter(
            ServerEnvironment(
                settings: .defaults,
                plan: plan,
                store: store,
                blobs: scratchBlobs(),
                hasher: BcryptPasswordHasher(cost: 4)
            )
        )
        await store.shutdown()
        let served = Set(routes.map(\.description))

        try await withTestServer(on: database) { server in
            let response = try await server.get("/api/v1/openapi.json")
            #expect(response.status == .ok)
            let document = try response.json
            #expect(document["openapi"] == "3.1.0")
            let paths = try #require(document["paths"]?.objectValue)
            var documented: Set<String> = []
            for (path, item) in paths {
                for method in item.objectValue?.keys ?? [] where method != "parameters" {
                    documented.insert("\(method.uppercased()) \(path)")
                }
            }
            #expect(documented.subtracting(served).isEmpty, "documented but not served")
            #expect(served.subtracting(documented).isEmpty, "served but not documented")
        }
    }
}
