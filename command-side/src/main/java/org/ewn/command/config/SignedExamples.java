package org.ewn.command.config;

import io.swagger.v3.oas.models.media.MediaType;
import org.ewn.command.submission.SignedMedia;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Every signed request body in the API description gets a worked example of its own type of submission, with the
 * canonical JSON it signs ({@link SubmissionExamples}); an endpoint not listed there keeps its own example, or shows
 * the README's.
 */
@Component
class SignedExamples implements OpenApiCustomizer {

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((template, path) -> path.readOperations().forEach(operation -> {
            if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
                return;
            }
            MediaType jose = operation.getRequestBody().getContent().get(SignedMedia.JOSE);
            if (jose == null) {
                return;
            }
            SubmissionExamples.Example example = SubmissionExamples.of(template);
            if (example != null) {
                jose.setExample(null);
                if (jose.getSchema() != null) {
                    jose.getSchema().setExample(null);
                }
                jose.setExamples(java.util.Map.of(example.type(), new io.swagger.v3.oas.models.examples.Example()
                        .summary("A " + example.type() + " signed with the Ed25519 key of RFC 8037 Appendix A.1")
                        .description("The JWS signs this canonical JSON: " + example.payload())
                        .value(example.envelope())));
            } else if (jose.getExample() == null && (jose.getExamples() == null || jose.getExamples().isEmpty())
                    && (jose.getSchema() == null || jose.getSchema().getExample() == null)) {
                jose.setExample(SignedMedia.EXAMPLE);
            }
        }));
    }
}
