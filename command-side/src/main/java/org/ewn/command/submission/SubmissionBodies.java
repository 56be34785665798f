package org.ewn.command.submission;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** Error messages for bodies that do not fit their type, naming the field and never echoing values. */
final class SubmissionBodies {

    private SubmissionBodies() {
    }

    static String describe(Class<?> type) {
        return type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
    }

    static String reason(Exception e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field \"" + unknown.getPropertyName() + "\"";
        }
        if (e instanceof InvalidFormatException invalid) {
            return "field \"" + path(invalid) + "\" has the wrong format for " + invalid.getTargetType().getSimpleName();
        }
        if (e instanceof MismatchedInputException mismatched) {
            return "field \"" + path(mismatched) + "\" is missing or of the wrong type";
        }
        return "it is not valid";
    }

    private static String path(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
