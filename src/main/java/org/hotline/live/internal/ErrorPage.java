package org.hotline.live.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the servlet container forwards to when an error happens outside the controllers (a filter, an
 * unknown path, a broken request line): the documented {"code","message"} body instead of Spring's
 * default page. Asked for directly, /error is just an unknown path.
 */
@RestController
class ErrorPage implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ErrorBody> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        int code = status instanceof Integer number ? number : 404;
        if (failure instanceof Throwable thrown || code >= 500) {
            return ApiErrors.internal(failure instanceof Throwable thrown ? thrown : null);
        }
        return switch (code) {
            case 400 -> ApiErrors.answer(400, "BAD_REQUEST", "The request could not be read");
            case 401 -> ApiErrors.answer(401, "UNAUTHORIZED", "A valid token is required (Authorization: Bearer <token>)");
            case 403 -> ApiErrors.answer(403, "FORBIDDEN", "Not allowed");
            case 405 -> ApiErrors.answer(405, "METHOD_NOT_ALLOWED", "This method is not allowed here");
            case 413 -> ApiErrors.answer(413, "TOO_LARGE", "The request is too large");
            case 415 -> ApiErrors.answer(415, "UNSUPPORTED_MEDIA_TYPE", "Send the body as JSON (Content-Type: application/json)");
            default -> ApiErrors.answer(code, "NOT_FOUND", "Nothing here (see docs/protocol.md section 2 for the paths)");
        };
    }
}
