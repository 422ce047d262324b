public import Hummingbird

/// Counts every request and times it, by method, route pattern and final status (problem documents included,
/// since `ProblemMiddleware` runs inside this one).
public struct MetricsMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext

    /// Requests that matched no route share one label (Hummingbird's), so that probing random paths cannot add
    /// series.
    static let unmatchedRoute = "NotFound"

    let metrics: ServerMetrics

    public func handle(
        _ request: Request,
        context: AppRequestContext,
        next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        metrics.requestStarted()
        func finish(_ status: Int) {
            metrics.requestFinished(
                method: request.method.rawValue,
                route: context.endpointPath ?? Self.unmatchedRoute,
                status: status,
                seconds: Self.seconds(ContinuousClock.now - start)
            )
        }
        do {
            let response = try await next(request, context)
            finish(response.status.code)
            return response
        } catch let error as any HTTPResponseError {
            finish(error.status.code)
            throw error
        } catch {
            finish(500)
            throw error
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
