CREATE TABLE "bulk_job_items" (
	"job_id" text NOT NULL,
	"connection_id" text NOT NULL,
	"conversation_id" text NOT NULL,
	"title" text,
	"state" text DEFAULT 'pending' NOT NULL,
	"home" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"error" text,
	"detail" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bulk_job_items_job_id_connection_id_conversation_id_pk" PRIMARY KEY("job_id","connection_id","conversation_id")
);
--> statement-breakpoint
CREATE TABLE "bulk_jobs" (
	"id" text PRIMARY KEY NOT NULL,
	"action" text NOT NULL,
	"target" jsonb NOT NULL,
	"actor_id" text NOT NULL,
	"actor_email" text,
	"undo_of" text,
	"retry_of" text,
	"state" text DEFAULT 'queued' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "bulk_job_items" ADD CONSTRAINT "bulk_job_items_job_id_bulk_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."bulk_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bulk_job_items_state_idx" ON "bulk_job_items" USING btree ("job_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "bulk_jobs_undo_of_idx" ON "bulk_jobs" USING btree ("undo_of");