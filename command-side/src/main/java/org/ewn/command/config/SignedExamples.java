package org.ewn.command.config;

import io.swagger.v3.oas.models.media.MediaType;
import org.ewn.command.submission.SignedMedia;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Every signed request body in the API description gets an example: the endpoint's own where it has one, else the
 * README's worked example, which shows the form every submission shares.
 */
@Component
class SignedExamples implements OpenApiCustomizer {

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
                return;
            }
            MediaType jose = operation.getRequestBody().getContent().get(SignedMedia.JOSE);
            boolean hasExample = jose != null && (jose.getExample() != null
                    || (jose.getExamples() != null && !jose.getExamples().isEmpty())
                    || (jose.getSchema() != null && jose.getSchema().getExample() != null));
            if (jose != null && !hasExample) {
                jose.setExample(SignedMedia.EXAMPLE);
            }
        }));
    }
}
