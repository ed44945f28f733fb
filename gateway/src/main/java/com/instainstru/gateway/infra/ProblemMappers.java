package com.instainstru.gateway.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.pgclient.PgException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps every failure to an RFC 9457 problem; nothing leaves this service as a stack trace. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        Response.ResponseBuilder response = Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(e.toProblem(path(uri)));
        if (e instanceof ApiException.TooManyRequests limited) {
            response.header("Retry-After", limited.retryAfterSeconds());
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(fe -> fe.field() + " " + fe.message()).collect(Collectors.joining("; "));
        return respond(new ApiException(400, "validation", "Invalid request", detail, errors).toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return respond(badJson(e).toProblem(path(uri)));
    }

    /** Declared for the subtype too: Quarkus ships its own (empty 400) mapper for it. */
    @ServerExceptionMapper
    public Response jsonMismatch(MismatchedInputException e, UriInfo uri) {
        return respond(badJson(e).toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri, "a valid bearer token is required");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri, "the bearer token is invalid or expired");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(ApiException.forbidden("your role may not do this").toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return respond(badJson(json).toProblem(path(uri)));
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Client error";
        String detail = switch (status) {
            case 404 -> "no resource at " + path(uri);
            case 405 -> "method not allowed on " + path(uri);
            case 415 -> "the body must be application/json";
            case 406 -> "this resource answers application/json";
            default -> title;
        };
        return respond(new ApiException(status, "http-" + status, title, detail, null).toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response any(Throwable e, UriInfo uri) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api(api, uri);
            }
            if (t instanceof PgException pg && "23505".equals(pg.getSqlState())) {
                return respond(ApiException.conflict("this conflicts with an existing record").toProblem(path(uri)));
            }
            if (t instanceof PgException pg && pg.getSqlState() != null && pg.getSqlState().startsWith("22")) {
                return respond(ApiException.badRequest("the request holds a value that cannot be stored "
                        + "(for example a NUL character)").toProblem(path(uri)));
            }
        }
        return unexpected(e, uri);
    }

    private Response unexpected(Throwable e, UriInfo uri) {
        Log.errorf(e, "Unexpected failure on %s", path(uri));
        return respond(new ApiException(500, "internal", "Internal error",
                "the request could not be completed; it has been logged", null).toProblem(path(uri)));
    }

    private Response unauthenticated(UriInfo uri, String detail) {
        Problem problem = new ApiException(401, "unauthorized", "Unauthorized", detail, null).toProblem(path(uri));
        return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(problem).build();
    }

    static ApiException badJson(JsonProcessingException e) {
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            String allowed = Arrays.stream(f.getTargetType().getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
            return ApiException.invalid(jsonPath(f), "unknown value '" + f.getValue() + "'; allowed: " + allowed);
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return ApiException.invalid(jsonPath(u), "unknown field");
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return ApiException.invalid(jsonPath(m), "has the wrong type or format");
        }
        return ApiException.badRequest("the body is not valid JSON");
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

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
