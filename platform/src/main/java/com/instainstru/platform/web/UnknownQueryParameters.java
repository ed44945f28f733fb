package com.instainstru.platform.web;

import com.instainstru.platform.problem.ApiException;
import com.instainstru.platform.problem.Problem;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * An unknown query parameter on the JSON API ({@code /api/...}) is refused, not ignored: a 400 {@code validation}
 * problem naming each parameter the matched operation does not take (the error's field) and the ones it does. A typo
 * ({@code ?limt=5}) would otherwise answer as if it were not there. The parameters an operation takes are its
 * method's {@code @QueryParam} and {@code @RestQuery} parameters, those of its {@code @BeanParam}s and the resource
 * class's fields, read once per method. Other paths (the gateway's web pages, where links carry {@code utm_source} and
 * the like; {@code /q/...}) are not looked at.
 */
public class UnknownQueryParameters {

    private static final String API = "/api/";

    private final Map<Method, Set<String>> allowed = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseUnknown(ContainerRequestContext request, ResourceInfo resource) {
        URI uri = request.getUriInfo().getRequestUri();
        Method method = resource.getResourceMethod();
        if (uri.getRawQuery() == null || uri.getRawQuery().isEmpty() || method == null || !uri.getRawPath().startsWith(API)) {
            return;
        }
        Set<String> names = allowed.computeIfAbsent(method, m -> queryParameters(resource.getResourceClass(), m));
        List<String> unknown = request.getUriInfo().getQueryParameters(true).keySet().stream()
                .filter(name -> !names.contains(name)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw refusal(unknown, names);
        }
    }

    static ApiException refusal(List<String> unknown, Set<String> names) {
        String takes = names.isEmpty() ? "this operation takes no query parameters"
                : "this operation takes " + String.join(", ", names);
        List<Problem.FieldError> errors = unknown.stream()
                .map(name -> new Problem.FieldError(name, "is not a query parameter of this operation; " + takes))
                .toList();
        String detail = (unknown.size() == 1 ? "unknown query parameter " : "unknown query parameters ")
                + String.join(", ", unknown) + "; " + takes;
        return new ApiException(400, "validation", "Invalid request", detail, errors);
    }

    /** The query parameters {@code method} of {@code resourceClass} reads, sorted. */
    static Set<String> queryParameters(Class<?> resourceClass, Method method) {
        Set<String> names = new TreeSet<>();
        parameters(method, names);
        members(resourceClass, names, new TreeSet<>());
        return Collections.unmodifiableSet(names);
    }

    private static void parameters(Executable executable, Set<String> names) {
        for (Parameter parameter : executable.getParameters()) {
            String name = name(parameter, parameter.getName());
            if (name != null) {
                names.add(name);
            } else if (parameter.isAnnotationPresent(BeanParam.class) || bean(parameter.getType())) {
                members(parameter.getType(), names, new TreeSet<>());
            }
        }
    }

    /** The fields, setters and constructor parameters of a bean (or resource class) that are query parameters. */
    private static void members(Class<?> type, Set<String> names, Set<String> seen) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (!seen.add(c.getName())) {
                return;
            }
            for (Field field : c.getDeclaredFields()) {
                String name = name(field, field.getName());
                if (name != null) {
                    names.add(name);
                } else if (field.isAnnotationPresent(BeanParam.class)) {
                    members(field.getType(), names, seen);
                }
            }
            for (Method setter : c.getDeclaredMethods()) {
                String name = name(setter, propertyOf(setter.getName()));
                if (name != null) {
                    names.add(name);
                }
            }
            for (var constructor : c.getDeclaredConstructors()) {
                parameters(constructor, names);
            }
        }
    }

    /** Whether a parameter without an annotation of its own is a bean of query parameters (RESTEasy Reactive's rule). */
    private static boolean bean(Class<?> type) {
        if (type.isPrimitive() || type.getName().startsWith("java.") || type.getName().startsWith("jakarta.")) {
            return false;
        }
        for (Field field : type.getDeclaredFields()) {
            if (field.isAnnotationPresent(QueryParam.class) || field.isAnnotationPresent(RestQuery.class)) {
                return true;
            }
        }
        return false;
    }

    private static String name(AnnotatedElement element, String implicit) {
        for (Annotation annotation : element.getAnnotations()) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof RestQuery query) {
                return query.value().isEmpty() ? implicit : query.value();
            }
        }
        return null;
    }

    private static String propertyOf(String setter) {
        return setter.startsWith("set") && setter.length() > 3
                ? Character.toLowerCase(setter.charAt(3)) + setter.substring(4) : setter;
    }
}
