package org.dbcreator.demo;

/** The tables of the 4.0.0 schema that the sample fills, with the statement that inserts a row. */
enum SampleTable {
    DATA_CENTER("data_center", "id, uuid, name, description, network_type, created, removed"),
    ACCOUNT("account", "id, uuid, name, type, state, created, removed"),
    HOST("host", "id, name, data_center_id, private_ip, hypervisor_type, status, cpu_cores, ram_mb,"
            + " mgmt_server_id, created, removed"),
    VM_INSTANCE("vm_instance", "id, uuid, name, display_name, account_id, data_center_id, host_id, state, cpu,"
            + " ram_mb, created, removed"),
    EVENT("event", "id, type, state, description, account_id, level, created"),
    USAGE_EVENT("usage_event", "id, type, account_id, zone_id, resource_id, resource_name, size, created, processed");

    private final String tableName;
    private final String columns;

    SampleTable(String tableName, String columns) {
        this.tableName = tableName;
        this.columns = columns;
    }

    int columnCount() {
        return columns.split(",").length;
    }

    /** One row's INSERT; the driver rewrites a batch of them into multi-row statements. */
    String insertSql() {
        return "INSERT INTO " + tableName + " (" + columns + ") VALUES (" + "?, ".repeat(columnCount() - 1) + "?)";
    }
}
