package org.ewn.deploy.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * One line on standard error for anything that goes wrong, never a stack trace: the user of a command-line
 * client needs what to fix, and a trace could carry what it should not. Usage errors exit with 2, failures with 1.
 */
final class ErrorHandlers implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception exception, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        err.println("error: " + describe(exception));
        if (exception instanceof CliFailure && ((CliFailure) exception).isUsage()) {
            err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
            err.flush();
            return command.getCommandSpec().exitCodeOnInvalidInput();
        }
        err.flush();
        return CommandLine.ExitCode.SOFTWARE;
    }

    @Override
    public int handleParseException(ParameterException exception, String[] args) {
        CommandLine command = exception.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("error: " + exception.getMessage());
        UnmatchedArgumentException.printSuggestions(exception, err);
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    static String describe(Throwable exception) {
        if (exception instanceof UncheckedIOException && exception.getCause() != null) {
            return describe(exception.getCause());
        }
        if (exception instanceof NoSuchFileException) {
            return "no such file: " + ((NoSuchFileException) exception).getFile();
        }
        if (exception instanceof AccessDeniedException) {
            return "permission denied: " + ((AccessDeniedException) exception).getFile();
        }
        if (exception instanceof FileAlreadyExistsException) {
            FileSystemException existing = (FileSystemException) exception;
            return existing.getFile() + " already exists" + (existing.getReason() == null ? ""
                    : ": " + existing.getReason());
        }
        String message = exception.getMessage();
        if (exception instanceof CliFailure || (message != null && !message.isBlank()
                && (exception instanceof IOException || exception instanceof RuntimeException))) {
            return message;
        }
        return exception.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
