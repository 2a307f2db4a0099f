package com.creatorcommerce.platform.openapi;

import com.creatorcommerce.platform.snowflake.IdString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.PropertyNamingStrategy;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.lang.annotation.Annotation;
import java.util.Iterator;
import java.util.Locale;

/**
 * The schemas of request and response bodies as the services' JSON mapper writes them. springdoc's model resolver
 * introspects with swagger-core's own Jackson 2 mapper, which knows nothing of the services' Jackson 3 mapper: left
 * alone it documents {@code paymentKey} where the wire says {@code payment_key}, and {@code integer int64} for an
 * {@link IdString} id that travels as {@code "123"}. This resolver introspects with the services' naming strategy
 * ({@code spring.jackson.property-naming-strategy}) and documents every {@code @IdString} property as a string of
 * digits ({@link #ID_PATTERN}).
 */
public class WireModelResolver extends ModelResolver {

    /** A 64-bit id as JSON and paths carry it: 1 to 19 decimal digits. */
    public static final String ID_PATTERN = "^[0-9]{1,19}$";

    public WireModelResolver(String namingStrategy, boolean openapi31) {
        super(mapper(namingStrategy, openapi31));
        openapi31(openapi31);
        this.openapi31 = openapi31;
    }

    private final boolean openapi31;

    private static ObjectMapper mapper(String namingStrategy, boolean openapi31) {
        ObjectMapper mapper = (openapi31 ? Json31.mapper() : Json.mapper()).copy();
        PropertyNamingStrategy strategy = strategy(namingStrategy);
        if (strategy != null) {
            mapper.setPropertyNamingStrategy(strategy);
        }
        return mapper;
    }

    /** The Jackson 2 strategy of the same name as Spring's {@code spring.jackson.property-naming-strategy}. */
    static PropertyNamingStrategy strategy(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String constant = name.strip();
        int dot = constant.lastIndexOf('.');
        constant = constant.substring(dot + 1).toUpperCase(Locale.ROOT);
        try {
            return (PropertyNamingStrategy)
                    PropertyNamingStrategies.class.getField(constant).get(null);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException(
                    "Unknown spring.jackson.property-naming-strategy for the API documents: " + name, e);
        }
    }

    @Override
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (isIdString(type.getCtxAnnotations())) {
            return idSchema(openapi31);
        }
        return super.resolve(type, context, chain);
    }

    /** The schema of an id carried as a string. */
    public static Schema<String> idSchema(boolean openapi31) {
        Schema<String> schema = new StringSchema();
        if (openapi31) {
            schema.specVersion(SpecVersion.V31);
            schema.addType("string");
        }
        return schema.pattern(ID_PATTERN).example("123456789012345678");
    }

    static boolean isIdString(Annotation[] annotations) {
        if (annotations == null) {
            return false;
        }
        for (Annotation annotation : annotations) {
            // @IdString itself, or an annotation marked with it (a service's own id constraint, e.g. @IdText)
            if (annotation.annotationType() == IdString.class
                    || annotation.annotationType().isAnnotationPresent(IdString.class)) {
                return true;
            }
        }
        return false;
    }
}
