CREATE TABLE "indexed_conversations" (
	"connection_id" text NOT NULL,
	"id" text NOT NULL,
	"title" text,
	"preview" text,
	"contact_id" text,
	"contact_name" text,
	"contact_identifier" text,
	"channel_id" text,
	"channel_type" text,
	"channel_name" text,
	"responder_id" text,
	"responder_name" text,
	"responder_kind" text,
	"version_id" text,
	"version_number" integer,
	"status" text,
	"created_at" timestamp with time zone,
	"last_activity_at" timestamp with time zone,
	"sort_at" timestamp with time zone NOT NULL,
	"cost_currency" text,
	"cost_amount" double precision,
	"cost_prompt_tokens" integer,
	"cost_completion_tokens" integer,
	"native_important" boolean,
	"native_archived" boolean,
	"native_removed" boolean DEFAULT false NOT NULL,
	"message_count" integer,
	"search_text" text DEFAULT '' NOT NULL,
	"search_folded" text GENERATED ALWAYS AS (f_unaccent(lower(search_text))) STORED,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, f_unaccent(search_text))) STORED,
	"confirmed_at" timestamp with time zone NOT NULL,
	"transcript_state" text DEFAULT 'pending' NOT NULL,
	"transcript_sort_at" timestamp with time zone,
	CONSTRAINT "indexed_conversations_connection_id_id_pk" PRIMARY KEY("connection_id","id")
);
--> statement-breakpoint
CREATE TABLE "indexed_messages" (
	"connection_id" text NOT NULL,
	"conversation_id" text NOT NULL,
	"position" integer NOT NULL,
	"message_id" text NOT NULL,
	"role" text NOT NULL,
	"text" text NOT NULL,
	"folded" text GENERATED ALWAYS AS (f_unaccent(lower(text))) STORED,
	"vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, f_unaccent(text))) STORED,
	"created_at" timestamp with time zone,
	CONSTRAINT "indexed_messages_connection_id_conversation_id_position_pk" PRIMARY KEY("connection_id","conversation_id","position")
);
--> statement-breakpoint
CREATE TABLE "request_budget_calls" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"budget_key" text NOT NULL,
	"priority" text NOT NULL,
	"taken_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_state" (
	"connection_id" text PRIMARY KEY NOT NULL,
	"state" text DEFAULT 'backfilling' NOT NULL,
	"bookmarks" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"last_success_at" timestamp with time zone,
	"last_attempt_at" timestamp with time zone,
	"last_error" text,
	"conversations_indexed" integer DEFAULT 0 NOT NULL,
	"conversations_known" integer,
	"transcripts_indexed" integer DEFAULT 0 NOT NULL,
	"transcripts_known" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "connections" ADD COLUMN "index_transcripts" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "indexed_conversations" ADD CONSTRAINT "indexed_conversations_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indexed_messages" ADD CONSTRAINT "indexed_messages_conversation_fk" FOREIGN KEY ("connection_id","conversation_id") REFERENCES "public"."indexed_conversations"("connection_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_state" ADD CONSTRAINT "sync_state_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indexed_conversations_order_idx" ON "indexed_conversations" USING btree ("sort_at" DESC NULLS LAST,"connection_id","id");--> statement-breakpoint
CREATE INDEX "indexed_conversations_connection_order_idx" ON "indexed_conversations" USING btree ("connection_id","sort_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "indexed_conversations_transcripts_idx" ON "indexed_conversations" USING btree ("connection_id","transcript_state");--> statement-breakpoint
CREATE INDEX "indexed_conversations_fts_idx" ON "indexed_conversations" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "indexed_conversations_trgm_idx" ON "indexed_conversations" USING gin ("search_folded" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "indexed_messages_fts_idx" ON "indexed_messages" USING gin ("vector");--> statement-breakpoint
CREATE INDEX "indexed_messages_trgm_idx" ON "indexed_messages" USING gin ("folded" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "request_budget_calls_key_idx" ON "request_budget_calls" USING btree ("budget_key","taken_at");