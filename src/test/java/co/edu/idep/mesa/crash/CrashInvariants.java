package co.edu.idep.mesa.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What must hold in the database after a node died under {@link CrashLoad}: nothing answered with
 * success is missing, nothing is there twice, and every request in flight committed whole or not at
 * all. Plain SQL on the application's tables and Camunda's, so it reads H2 and PostgreSQL alike.
 */
final class CrashInvariants {

  private final JdbcClient db;

  CrashInvariants(JdbcClient db) {
    this.db = db;
  }

  void assertAll(CrashLoad load) {
    acknowledgedRegistrationsAreStored(load.registered);
    codesWereHandedOutOnce(load);
    ticketsAndInstancesMatchOneToOne();
    acknowledgedCompletionsAreInHistory(load.completed);
    completionsAreWhole();
    noStepWroteTwice();
  }

  /** Every code answered 201 is a ticket with its process instance (history and runtime). */
  void acknowledgedRegistrationsAreStored(Set<String> acknowledged) {
    assertThat(missing(acknowledged)).as("codes answered 201 but not stored with their running instance").isEmpty();
  }

  /** Those of {@code acknowledged} that are not a ticket with its running process instance. */
  Set<String> missing(Set<String> acknowledged) {
    Set<String> stored = Set.copyOf(db.sql("""
        select t.code from ticket t
          join act_hi_procinst p on p.id_ = t.process_instance_id and p.business_key_ = t.code
          join act_ru_execution e on e.id_ = p.id_""").query(String.class).list());
    Set<String> missing = new java.util.TreeSet<>(acknowledged);
    missing.removeAll(stored);
    return missing;
  }

  static void codesWereHandedOutOnce(CrashLoad load) {
    assertThat(CrashLoad.listOf(load.registeredInOrder)).as("codes answered 201").doesNotHaveDuplicates();
  }

  /** No ticket without its instance, no instance without its ticket, one registration note each. */
  void ticketsAndInstancesMatchOneToOne() {
    assertThat(db.sql("""
        select t.code from ticket t
        where t.process_instance_id is null
           or not exists (select 1 from act_hi_procinst p where p.id_ = t.process_instance_id and p.business_key_ = t.code)""")
        .query(String.class).list()).as("tickets without their process instance").isEmpty();
    assertThat(db.sql("""
        select p.id_ from act_hi_procinst p
        where p.proc_def_key_ = 'mesa-de-servicios'
          and not exists (select 1 from ticket t where t.code = p.business_key_ and t.process_instance_id = p.id_)""")
        .query(String.class).list()).as("process instances without their ticket").isEmpty();
    assertThat(db.sql("""
        select r.id_ from act_ru_execution r
        where r.id_ = r.proc_inst_id_
          and not exists (select 1 from ticket t where t.process_instance_id = r.id_)""")
        .query(String.class).list()).as("running instances without their ticket").isEmpty();
    assertThat(db.sql("""
        select t.code from ticket t
        where (select count(*) from ticket_note n where n.ticket_code = t.code and n.kind = 'REGISTRO') <> 1""")
        .query(String.class).list()).as("tickets without exactly one registration note").isEmpty();
  }

  /** Every completion answered 204 ended its task in history as completed. */
  void acknowledgedCompletionsAreInHistory(Set<String> acknowledged) {
    Set<String> ended = Set.copyOf(db.sql("""
        select id_ from act_hi_taskinst
        where task_def_key_ = 'Task_ReviewTopic' and end_time_ is not null and delete_reason_ = 'completed'""")
        .query(String.class).list());
    assertThat(acknowledged).as("completions answered 204, completed in history").isSubsetOf(ended);
    assertThat(db.sql("select count(*) from act_ru_task where id_ in (:ids)")
        .param("ids", acknowledged.isEmpty() ? List.of("-") : List.copyOf(acknowledged)).query(Long.class).single())
        .as("completed tasks still open").isZero();
  }

  /**
   * A topic review either happened whole or not at all: its task ended in history, the ticket noted
   * the confirmed topic once and moved on to the next task; or the task is still open and none of that
   * happened.
   */
  void completionsAreWhole() {
    List<String> halfDone = db.sql("""
        select t.code from ticket t
        where not (
          ((select count(*) from act_hi_taskinst h where h.proc_inst_id_ = t.process_instance_id
              and h.task_def_key_ = 'Task_ReviewTopic' and h.delete_reason_ = 'completed') = 1
           and (select count(*) from ticket_note n where n.ticket_code = t.code and n.kind = 'TEMA_CONFIRMADO') = 1
           and (select count(*) from act_ru_task r where r.proc_inst_id_ = t.process_instance_id
              and r.task_def_key_ = 'Task_ReviewTopic') = 0
           and (select count(*) from act_ru_task r where r.proc_inst_id_ = t.process_instance_id) = 1)
          or
          ((select count(*) from act_hi_taskinst h where h.proc_inst_id_ = t.process_instance_id
              and h.task_def_key_ = 'Task_ReviewTopic' and h.end_time_ is not null) = 0
           and (select count(*) from ticket_note n where n.ticket_code = t.code and n.kind = 'TEMA_CONFIRMADO') = 0
           and (select count(*) from act_ru_task r where r.proc_inst_id_ = t.process_instance_id
              and r.task_def_key_ = 'Task_ReviewTopic') = 1))""").query(String.class).list();
    assertThat(halfDone).as("tickets whose topic review is half done").isEmpty();
  }

  /**
   * No step's outside effect twice: one outbox message per ticket and kind (in this load's steps each
   * kind is sent at most once per ticket), every ticket's registration notice there once; no ticket
   * escalated twice on one channel (this load escalates nothing: the check guards later loads).
   */
  void noStepWroteTwice() {
    assertThat(db.sql("""
        select ticket_code || ' ' || kind from mail_outbox where ticket_code is not null
        group by ticket_code, kind having count(*) > 1""").query(String.class).list())
        .as("outbox messages written twice for one step").isEmpty();
    assertThat(db.sql("""
        select t.code from ticket t
        where (select count(*) from mail_outbox m where m.ticket_code = t.code and m.kind = 'TICKET_REGISTRADO') <> 1""")
        .query(String.class).list()).as("tickets without exactly one registration notice in the outbox").isEmpty();
    assertThat(db.sql("""
        select ticket_code || ' ' || channel from escalation
        group by ticket_code, channel having count(*) > 1""").query(String.class).list())
        .as("escalations recorded twice").isEmpty();
  }

  long tickets() {
    return db.sql("select count(*) from ticket").query(Long.class).single();
  }
}
