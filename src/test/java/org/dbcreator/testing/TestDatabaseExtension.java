package org.dbcreator.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Gives each test method a {@link TestDatabase} of its own and drops it afterwards. */
public final class TestDatabaseExtension implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestDatabaseExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestDatabase database = TestDatabase.unique();
        context.getStore(NAMESPACE).put(parameter.getIndex(), database);
        return database;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        for (int i = 0; i < 8; i++) {
            TestDatabase database = context.getStore(NAMESPACE).remove(i, TestDatabase.class);
            if (database != null) {
                database.close();
            }
        }
    }
}
