package com.instainstru.platform.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps every failure of a REST endpoint to an RFC 9457 problem, the same way in every service; nothing
 * leaves a service as a stack trace. The same failure is the same status and {@code type} everywhere:
 * <ul>
 * <li>a body that is not JSON, repeats a key, nests too deeply, has a value of the wrong type (a float
 * for a whole number, a number for an enum) or an unknown field: 400 naming the field;</li>
 * <li>a unique or exclusion constraint (PostgreSQL 23505, 23P01): 409 {@code conflict}; a
 * serialization failure or deadlock (40xxx): 503 {@code unavailable}, nothing changed; a value the
 * database cannot hold (22xxx) or another broken rule (23xxx): 400;</li>
 * <li>what a service's {@link FailureTranslator} names; anything else: 500 {@code internal}, logged.</li>
 * </ul>
 */
public class ProblemMappers {

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");

    @Inject
    Instance<FailureTranslator> translators;

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        return respond(e, path(uri));
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(fe -> fe.field() + " " + fe.message()).collect(Collectors.joining("; "));
        return respond(new ApiException(400, "validation", "Invalid request", detail, errors), path(uri));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return respond(badJson(e), path(uri));
    }

    /** Declared for the subtype too: Quarkus ships its own (empty 400) mapper for it. */
    @ServerExceptionMapper
    public Response jsonMismatch(MismatchedInputException e, UriInfo uri) {
        return respond(badJson(e), path(uri));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return respond(ApiException.unauthorized("a valid bearer token is required"), path(uri));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return respond(ApiException.unauthorized("the bearer token is invalid or expired"), path(uri));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(ApiException.forbidden("your role may not do this"), path(uri));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return respond(badJson(json), path(uri));
        }
        return respond(httpError(status, path(uri)), path(uri));
    }

    @ServerExceptionMapper
    public Response any(Throwable e, UriInfo uri) {
        ApiException known = translate(e);
        return known != null ? respond(known, path(uri)) : unexpected(e, uri);
    }

    /** What a failure means to the caller, looking through its causes; null when nobody knows it. */
    public ApiException translate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api;
            }
            if (t instanceof JsonProcessingException json) {
                return badJson(json);
            }
            if (t instanceof DateTimeException) {
                return ApiException.badRequest("a date or time is out of the supported range");
            }
            if (t instanceof PgException pg && pg.getSqlState() != null) {
                ApiException mapped = database(pg.getSqlState());
                if (mapped != null) {
                    return mapped;
                }
            }
            for (FailureTranslator translator : translators) {
                ApiException mapped = translator.translate(t);
                if (mapped != null) {
                    return mapped;
                }
            }
        }
        return null;
    }

    /** PostgreSQL's error classes as the caller should see them; null for a server-side fault. */
    public static ApiException database(String sqlState) {
        if ("23505".equals(sqlState) || "23P01".equals(sqlState)) {
            return ApiException.conflict("this conflicts with an existing record");
        }
        if (sqlState.startsWith("40")) {
            return ApiException.unavailable("the request collided with concurrent ones; nothing was changed, try again");
        }
        if (sqlState.startsWith("22")) {
            return ApiException.badRequest("the request holds a value that cannot be stored "
                    + "(for example a NUL character or an out-of-range number)");
        }
        if (sqlState.startsWith("23")) {
            return ApiException.badRequest("the request breaks a data rule");
        }
        return null;
    }

    /** A problem for an HTTP-level refusal (400, 404, 405, 406, 413, 414, 415, 431...) with the status's own words. */
    public static ApiException httpError(int status, String path) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = switch (status) {
            case 413 -> "Content too large";
            case 414 -> "URI too long";
            case 431 -> "Request header fields too large";
            default -> known != null ? known.getReasonPhrase() : "Client error";
        };
        String detail = switch (status) {
            case 400 -> "the request is malformed (its path must start with / and be validly percent-encoded)";
            case 404 -> "no resource at " + path;
            case 405 -> "method not allowed on " + path;
            case 406 -> "this resource answers application/json";
            case 413 -> "the request body is larger than this service accepts";
            case 414 -> "the request line (path and query) is too long";
            case 415 -> "the body must be application/json";
            case 431 -> "the request's headers are too large";
            default -> title;
        };
        return new ApiException(status, "http-" + status, title, detail, null);
    }

    private Response unexpected(Throwable e, UriInfo uri) {
        Log.errorf(e, "Unexpected failure on %s", path(uri));
        return respond(new ApiException(500, "internal", "Internal error",
                "the request could not be completed; it has been logged", null), path(uri));
    }

    /** What is wrong with a JSON body, naming the field wherever Jackson knows it. */
    public static ApiException badJson(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException limit) {
            return ApiException.badRequest("the body is too large or too deeply nested: " + limit.getOriginalMessage());
        }
        Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
        if (e instanceof StreamReadException read && duplicate.find()) {
            JsonParser parser = read.getProcessor();
            String parent = parser == null ? "" : contextPath(parser.getParsingContext().getParent());
            String field = parent.isEmpty() ? duplicate.group(1) : parent + "." + duplicate.group(1);
            return ApiException.invalid(field, "appears more than once");
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            String allowed = Arrays.stream(f.getTargetType().getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
            return ApiException.invalid(jsonPath(f), "unknown value '" + f.getValue() + "'; allowed: " + allowed);
        }
        if (e instanceof InvalidFormatException f && f.getValue() instanceof String text
                && StrictJson.hasControlCharacter(text)) {
            return ApiException.invalid(jsonPath(f), "must not contain control characters (NUL and the like)");
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return ApiException.invalid(jsonPath(u), "unknown field");
        }
        if (e instanceof MismatchedInputException m && !m.getPath().isEmpty() && m.getTargetType() != null) {
            return ApiException.invalid(jsonPath(m), "must be " + describe(m.getTargetType()));
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return ApiException.invalid(jsonPath(m), "has the wrong type or format");
        }
        return ApiException.badRequest("the body is not valid JSON");
    }

    private static String describe(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == UUID.class) {
            return "an id (a UUID)";
        }
        if (type == LocalDate.class) {
            return "a date YYYY-MM-DD";
        }
        if (type == LocalTime.class) {
            return "a time HH:MM";
        }
        if (type == OffsetDateTime.class || type == ZonedDateTime.class || type == Instant.class) {
            return "a date-time with an offset (2026-03-01T18:00:00-05:00)";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "of the documented type";
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    /** The JSON path of a parser's position: {@code lessons[2].start}. */
    private static String contextPath(JsonStreamContext context) {
        StringBuilder sb = new StringBuilder();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            String segment = c.inArray() ? "[" + c.getCurrentIndex() + "]"
                    : c.getCurrentName() == null ? "" : c.getCurrentName();
            if (!segment.isEmpty()) {
                sb.insert(0, sb.isEmpty() || sb.charAt(0) == '[' || segment.startsWith("[") ? segment : segment + ".");
            }
        }
        return sb.toString();
    }

    /** A violation's path without the Java method and parameter names: {@code durationOptions[1]}. */
    private static String fieldOf(ConstraintViolation<?> v) {
        StringBuilder sb = new StringBuilder();
        String parameter = null;
        for (Path.Node node : v.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, RETURN_VALUE -> { }
                case PARAMETER -> parameter = node.getName();
                case CONTAINER_ELEMENT -> sb.append('[').append(node.getIndex() == null ? "" : node.getIndex()).append(']');
                default -> {
                    if (node.getIndex() != null && !sb.isEmpty()) {
                        sb.append('[').append(node.getIndex()).append(']');
                    }
                    if (node.getName() != null) {
                        sb.append(sb.isEmpty() ? "" : ".").append(node.getName());
                    }
                }
            }
        }
        return sb.isEmpty() ? (parameter == null ? "body" : parameter) : sb.toString();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    /** The problem as a response, with Retry-After on a 429 and WWW-Authenticate on a 401. */
    public static Response respond(ApiException e, String instance) {
        Response.ResponseBuilder response = Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(e.toProblem(instance));
        if (e instanceof ApiException.TooManyRequests limited) {
            response.header("Retry-After", limited.retryAfterSeconds());
        }
        if (e.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.build();
    }
}
