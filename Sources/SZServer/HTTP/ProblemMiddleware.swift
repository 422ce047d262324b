import HTTPTypes
public import Hummingbird
import Logging
import SZStore

/// Turns every error into a problem document. Unexpected errors are logged here and answered with a bare 500,
/// without their text, which may hold details a client should not see.
public struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return try error.response(from: request, context: context)
        } catch let error as AccountError {
            return try APIError(error).response(from: request, context: context)
        } catch let error as any HTTPResponseError {
            if error.status.kind == .serverError {
                context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            return try APIError(status: error.status).response(from: request, context: context)
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            return try APIError.internalFailure.response(from: request, context: context)
        }
    }
}
