package io.loyaltybridge.api;

import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.SecurityDefinition;
import org.apache.camel.model.rest.VerbDefinition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which roles may call each REST route, read from the one place a route declares it: its own entry in the REST DSL,
 * as {@code security: [{key: bearer, scopes: "support"}]} (also what the OpenAPI document shows), or
 * {@code security: [{key: public}]} for the few paths anyone may read without a token (they must also be among
 * {@link HttpFront#PUBLIC_PATHS}, which the gate lets through). A route that declares no role, or a role that does
 * not exist, is a {@link #problems() problem} that stops the start: nothing is open by accident (deny by default).
 */
public final class RouteRoles {
    /** The security key of the API's bearer tokens in the REST DSL. */
    public static final String KEY = "bearer";
    /** The security key of a route anyone may call without a token. */
    public static final String PUBLIC = "public";

    /** One REST operation: its route id, method, path template ({@code /api/members/{id}}) and who may call it. */
    public record Operation(String routeId, String method, String path, Set<Role> roles) {
        /** The roles that may call it, for a 403's detail ("support, manager or admin"). */
        public String rolesInWords() {
            List<String> names = EnumSet.allOf(Role.class).stream()
                    .filter(r -> r.mayCall(roles)).map(Role::wire).toList();
            return names.size() == 1 ? names.get(0) : String.join(", ", names.subList(0, names.size() - 1))
                    + " or " + names.get(names.size() - 1);
        }

        static boolean matches(String[] template, String[] segments) {
            if (template.length != segments.length) {
                return false;
            }
            for (int i = 0; i < template.length; i++) {
                if (!template[i].startsWith("{") && !template[i].equals(segments[i])) {
                    return false;
                }
            }
            return true;
        }

        /** Literal segments win over {id} ones when two templates fit one path. */
        int literals() {
            return (int) java.util.Arrays.stream(path.split("/")).filter(s -> !s.startsWith("{")).count();
        }
    }

    private final List<Operation> operations;
    private final List<String> problems;
    /** Each operation's path split into segments once, not on every call. */
    private final List<String[]> templates;

    RouteRoles(List<Operation> operations, List<String> problems) {
        this.operations = List.copyOf(operations);
        this.problems = List.copyOf(problems);
        this.templates = this.operations.stream().map(o -> o.path().split("/", -1)).toList();
    }

    /** The REST routes Camel has loaded, with the roles each declares. */
    public static RouteRoles of(CamelContext camel) {
        Model model = camel.getCamelContextExtension().getContextPlugin(Model.class);
        List<Operation> operations = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (RestDefinition rest : model.getRestDefinitions()) {
            for (VerbDefinition verb : rest.getVerbs()) {
                String path = join(rest.getPath(), verb.getPath());
                String method = verb.asVerb().toUpperCase(Locale.ROOT);
                String id = verb.getRouteId() != null ? verb.getRouteId() : method + " " + path;
                Set<Role> roles = EnumSet.noneOf(Role.class);
                boolean isPublic = verb.getSecurity() != null && verb.getSecurity().stream()
                        .anyMatch(s -> PUBLIC.equals(s.getKey()));
                String problem = isPublic ? (HttpFront.PUBLIC_PATHS.contains(path) ? null
                        : "is declared public but the HTTP gate asks a token for it (HttpFront.PUBLIC_PATHS)")
                        : roles(verb.getSecurity(), roles);
                if (problem != null) {
                    problems.add("REST route " + id + " (" + method + " " + path + "): " + problem);
                } else {
                    operations.add(new Operation(id, method, path, Collections.unmodifiableSet(roles)));
                }
            }
        }
        // A plain platform-http route under /api would pass the gate with any valid token: refuse it too.
        for (var route : model.getRouteDefinitions()) {
            String from = route.getInput() == null ? null : route.getInput().getEndpointUri();
            if (from != null && (from.startsWith("platform-http:/api/") || from.startsWith("platform-http:///api/")
                    || from.equals("platform-http:/api"))) {
                problems.add("route " + route.getRouteId() + " serves " + from + " outside the REST DSL, where it"
                        + " cannot declare a role; make it a REST operation");
            }
        }
        return new RouteRoles(operations, problems);
    }

    private static String roles(List<SecurityDefinition> security, Set<Role> into) {
        for (SecurityDefinition declared : security == null ? List.<SecurityDefinition>of() : security) {
            if (KEY.equals(declared.getKey()) && declared.getScopes() != null) {
                for (String scope : declared.getScopes().split(",")) {
                    Role role = Role.fromWire(scope.strip());
                    if (role == null) {
                        return "'" + scope.strip() + "' is not a role (" + Role.NAMES + ")";
                    }
                    into.add(role);
                }
            }
        }
        return into.isEmpty() ? "declares no role; add security: [{key: " + KEY + ", scopes: <" + Role.NAMES
                + ">}] (or [{key: " + PUBLIC + "}]) beside it" : null;
    }

    private static String join(String base, String path) {
        String joined = (base == null ? "" : base) + (path == null ? "" : path.startsWith("/") ? path : "/" + path);
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** What stops the start: routes that declare no role or an unknown one. */
    public List<String> problems() {
        return problems;
    }

    /** The operation serving this method and path, or null when none does (the router then answers 404 or 405). */
    public Operation match(String method, String path) {
        String m = method.equals("HEAD") ? "GET" : method;
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String[] segments = p.split("/", -1);
        Operation best = null;
        for (int i = 0; i < operations.size(); i++) {
            Operation operation = operations.get(i);
            if (operation.method().equals(m) && Operation.matches(templates.get(i), segments)
                    && (best == null || operation.literals() > best.literals())) {
                best = operation;
            }
        }
        return best;
    }

    public Operation byRouteId(String routeId) {
        return operations.stream().filter(o -> o.routeId().equals(routeId)).findFirst().orElse(null);
    }

    /** Every operation, in the order the REST DSL lists them. */
    public List<Operation> all() {
        return operations;
    }

    /** What a role may call, route id to "METHOD /path", for {@code GET /api/me}. */
    public Map<String, String> allowed(Role role) {
        Map<String, String> allowed = new LinkedHashMap<>();
        // No roles only on a route declared public (any other without one stopped the start): anyone may call it.
        operations.stream().filter(o -> o.roles().isEmpty() || role.mayCall(o.roles()))
                .forEach(o -> allowed.put(o.routeId(), o.method() + " " + o.path()));
        return allowed;
    }
}
