package org.hotline.live.internal;

import org.hotline.access.AccessRefused;
import org.hotline.exercise.CommandRejected;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** REST errors carry the same body as STOMP errors (docs/protocol.md section 6) and a fitting status. */
@RestControllerAdvice
class ApiErrors {

    @ExceptionHandler(CommandRejected.class)
    ResponseEntity<ErrorBody> rejected(CommandRejected e) {
        int status = switch (e.code()) {
            case "UNKNOWN_EXERCISE" -> 404;
            case "FORBIDDEN" -> 403;
            case "WRONG_PHASE", "SEALED" -> 409;
            case "INTERNAL" -> 500;
            default -> 400;
        };
        return ResponseEntity.status(status).body(new ErrorBody(e.code(), e.getMessage(), null, null, null));
    }

    @ExceptionHandler(AccessRefused.class)
    ResponseEntity<ErrorBody> refused(AccessRefused e) {
        return ResponseEntity.status(e.status()).body(new ErrorBody(e.code(), e.getMessage(), null, null, null));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(new ErrorBody("BAD_JSON", "The body is not the expected JSON: "
                + e.getMostSpecificCause().getMessage(), null, null, null));
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ResponseEntity<ErrorBody> badParameter(Exception e) {
        return ResponseEntity.badRequest().body(new ErrorBody("INVALID", e.getMessage(), null, null, null));
    }
}
