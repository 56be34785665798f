package org.ewn.deploy.cli;

import picocli.CommandLine;

import java.lang.reflect.Constructor;

/** Creates commands and mixins, handing the {@link CliEnvironment} to those whose constructor takes it. */
final class CliFactory implements CommandLine.IFactory {

    private final CliEnvironment environment;

    CliFactory(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        Constructor<K> constructor;
        try {
            constructor = type.getDeclaredConstructor(CliEnvironment.class);
        } catch (NoSuchMethodException e) {
            return CommandLine.defaultFactory().create(type);
        }
        constructor.setAccessible(true);
        return constructor.newInstance(environment);
    }
}
