package io.tributary.runtime.values;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.tributary.sdk.ConnectorException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a row: a {@code Map}, a Jackson object node, or a record or bean whose components or getters become columns (Jackson's
 * property rules, so {@code @JsonProperty} renames). Shallow: nested objects stay values, stored as JSON.
 */
public final class RowMapper {
    private record Property(String name, AnnotatedMember accessor) {
    }

    private static final Map<Class<?>, List<Property>> PROPERTIES = new ConcurrentHashMap<>();

    private RowMapper() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> toMap(Object row, String op, String table) {
        if (row instanceof Map<?, ?> map) {
            return (Map<String, Object>) map; // keys are checked as they are named
        }
        String what = op + " into table '" + table + "'";
        if (row instanceof com.fasterxml.jackson.databind.JsonNode node) {
            if (!node.isObject()) {
                throw new ConnectorException(what + ": a JSON row must be an object, got " + node.getNodeType());
            }
            // Nested objects and arrays become Maps and Lists, stored as JSON columns.
            return ValueCoercion.JSON.convertValue(node, Map.class);
        }
        if (row == null) {
            throw new ConnectorException(what + ": the row is null; pass a Map, a record or a bean");
        }
        if (row instanceof CharSequence || row instanceof Number || row instanceof Boolean
                || row instanceof Iterable<?> || row.getClass().isArray()) {
            throw new ConnectorException(what + ": a row must be a Map, a record or a bean, got "
                    + row.getClass().getName());
        }
        List<Property> properties = PROPERTIES.computeIfAbsent(row.getClass(), RowMapper::introspect);
        if (properties.isEmpty()) {
            throw new ConnectorException(what + ": " + row.getClass().getName()
                    + " has no readable properties; make it a record or give it public getters");
        }
        Map<String, Object> out = new LinkedHashMap<>(properties.size() * 2);
        for (Property p : properties) {
            try {
                out.put(p.name, p.accessor.getValue(row));
            } catch (RuntimeException e) {
                throw new ConnectorException(what + ": reading property '" + p.name + "' of "
                        + row.getClass().getName() + " failed: " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static List<Property> introspect(Class<?> type) {
        var config = ValueCoercion.JSON.getSerializationConfig();
        JavaType javaType = config.constructType(type);
        BeanDescription description = config.introspect(javaType);
        List<Property> out = new ArrayList<>();
        for (BeanPropertyDefinition def : description.findProperties()) {
            AnnotatedMember accessor = def.getAccessor();
            if (accessor != null) {
                accessor.fixAccess(true);
                out.add(new Property(def.getName(), accessor));
            }
        }
        return out;
    }
}
