package org.hotline.live.internal;

import org.hotline.access.AccessRefused;
import org.hotline.access.Secrets;
import org.hotline.exercise.CommandRejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * REST errors carry the same body as STOMP errors (docs/protocol.md section 6) and a fitting status,
 * in plain words: never a Java class name nor the client's own bytes. A refusal logs one line; only a
 * failure of the server (INTERNAL) logs its stack trace, under the incident id the client is given.
 */
@RestControllerAdvice
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(CommandRejected.class)
    ResponseEntity<ErrorBody> rejected(CommandRejected e) {
        int status = switch (e.code()) {
            case "UNKNOWN_EXERCISE" -> 404;
            case "FORBIDDEN" -> 403;
            case "WRONG_PHASE", "SEALED" -> 409;
            case "INTERNAL" -> 500;
            default -> 400;
        };
        return answer(status, e.code(), e.getMessage());
    }

    @ExceptionHandler(AccessRefused.class)
    ResponseEntity<ErrorBody> refused(AccessRefused e) {
        return answer(e.status(), e.code(), e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() == null) {
            return answer(400, "BAD_JSON", "The body is missing: send a JSON object");
        }
        CommandRejected problem = JsonProblems.of(e.getMostSpecificCause());
        return answer(400, problem.code(), problem.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorBody> badParameter(MethodArgumentTypeMismatchException e) {
        return answer(400, "INVALID", e.getName() + ": must be a whole number");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ErrorBody> missingParameter(MissingServletRequestParameterException e) {
        return answer(400, "INVALID", e.getParameterName() + ": required");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorBody> wrongMethod(HttpRequestMethodNotSupportedException e) {
        String allowed = e.getSupportedHttpMethods() == null ? "" : String.join(", ",
                e.getSupportedHttpMethods().stream().map(Object::toString).sorted().toList());
        ResponseEntity<ErrorBody> answer = answer(405, "METHOD_NOT_ALLOWED", e.getMethod() + " is not allowed here"
                + (allowed.isEmpty() ? "" : "; use " + allowed));
        return allowed.isEmpty() ? answer : ResponseEntity.status(405).header(HttpHeaders.ALLOW, allowed).body(answer.getBody());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorBody> wrongContentType(HttpMediaTypeNotSupportedException e) {
        return answer(415, "UNSUPPORTED_MEDIA_TYPE", "Send the body as JSON (Content-Type: application/json)");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ErrorBody> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return answer(406, "NOT_ACCEPTABLE", "This resource is served as JSON only");
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<ErrorBody> notFound(Exception e) {
        return answer(404, "NOT_FOUND", "Nothing here (see docs/protocol.md section 2 for the paths)");
    }

    /** Anything else is the server's failure: the client gets an incident id, the log the detail. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorBody> failed(Exception e) {
        return internal(e);
    }

    static ResponseEntity<ErrorBody> internal(Throwable failure) {
        String incident = Secrets.id("i-", 8);
        log.error("Incident {}: a request failed", incident, failure);
        return ResponseEntity.status(500).body(new ErrorBody("INTERNAL", "The server failed to answer this request (incident "
                + incident + ")", null, null, null));
    }

    static ResponseEntity<ErrorBody> answer(int status, String code, String message) {
        log.info("Refused a request: {} {} {}", status, code, LogText.of(message));
        return ResponseEntity.status(status).body(new ErrorBody(code, message, null, null, null));
    }
}
