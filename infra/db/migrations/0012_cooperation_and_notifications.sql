CREATE TYPE "public"."cooperation_status" AS ENUM('proposed', 'confirmed', 'disputed', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."notification_frequency" AS ENUM('immediately', 'daily', 'weekly', 'never');--> statement-breakpoint
CREATE TYPE "public"."notification_kind" AS ENUM('response', 'message', 'membership', 'match', 'cooperation', 'saved_search');--> statement-breakpoint
CREATE TYPE "public"."partner_status" AS ENUM('pending', 'confirmed', 'disputed');--> statement-breakpoint
CREATE TABLE "conversation_messages" (
	"territory_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"author_membership_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversation_messages_pkey" PRIMARY KEY("territory_id","id")
);
--> statement-breakpoint
CREATE TABLE "conversation_reads" (
	"territory_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"last_read_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversation_reads_pkey" PRIMARY KEY("territory_id","conversation_id","membership_id")
);
--> statement-breakpoint
CREATE TABLE "conversations" (
	"territory_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"listing_id" uuid NOT NULL,
	"author_membership_id" uuid NOT NULL,
	"author_organisation_id" uuid,
	"responder_membership_id" uuid NOT NULL,
	"responder_organisation_id" uuid,
	"last_message_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversations_pkey" PRIMARY KEY("territory_id","id"),
	CONSTRAINT "conversations_listing_responder_key" UNIQUE("territory_id","listing_id","responder_membership_id")
);
--> statement-breakpoint
CREATE TABLE "cooperation_partners" (
	"territory_id" uuid NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"organisation_id" uuid,
	"status" "partner_status" DEFAULT 'pending' NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"decided_at" timestamp (3) with time zone,
	"decided_by_membership_id" uuid,
	CONSTRAINT "cooperation_partners_pkey" PRIMARY KEY("territory_id","cooperation_id","membership_id")
);
--> statement-breakpoint
CREATE TABLE "cooperations" (
	"territory_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"listing_id" uuid NOT NULL,
	"conversation_id" uuid,
	"recorded_by_membership_id" uuid NOT NULL,
	"recorded_by_organisation_id" uuid,
	"summary" text NOT NULL,
	"exchange_mode" "exchange_mode" NOT NULL,
	"quantity" numeric(12, 2),
	"unit" text,
	"started_on" date,
	"ended_on" date,
	"km_avoided" numeric(12, 1),
	"kg_saved" numeric(12, 1),
	"euros_saved" numeric(12, 2),
	"skill_hours" numeric(10, 1),
	"status" "cooperation_status" DEFAULT 'proposed' NOT NULL,
	"confirmed_at" timestamp (3) with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cooperations_pkey" PRIMARY KEY("territory_id","id")
);
--> statement-breakpoint
CREATE TABLE "digest_runs" (
	"period" text PRIMARY KEY NOT NULL,
	"started_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"user_id" uuid NOT NULL,
	"kind" "notification_kind" NOT NULL,
	"frequency" "notification_frequency" NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_preferences_pkey" PRIMARY KEY("user_id","kind")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"territory_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "notification_kind" NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"link" text NOT NULL,
	"subject_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp (3) with time zone,
	"emailed_at" timestamp (3) with time zone,
	CONSTRAINT "notifications_pkey" PRIMARY KEY("territory_id","id")
);
--> statement-breakpoint
CREATE TABLE "saved_searches" (
	"territory_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"label" text NOT NULL,
	"kind" "listing_kind",
	"category_id" uuid,
	"exchange_mode" "exchange_mode",
	"q" text,
	"near_lat" double precision,
	"near_lon" double precision,
	"radius_km" double precision,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"last_notified_at" timestamp (3) with time zone,
	CONSTRAINT "saved_searches_pkey" PRIMARY KEY("territory_id","id")
);
--> statement-breakpoint
CREATE TABLE "unsubscribe_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"kinds" "notification_kind"[] NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "territories" ADD COLUMN "logo_key" text;--> statement-breakpoint
ALTER TABLE "territories" ADD COLUMN "logo_content_type" text;--> statement-breakpoint
ALTER TABLE "territories" ADD COLUMN "logo_updated_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "territories" ADD COLUMN "facilitators_read_conversations" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "conversation_messages" ADD CONSTRAINT "conversation_messages_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_messages" ADD CONSTRAINT "conversation_messages_conversation_fkey" FOREIGN KEY ("territory_id","conversation_id") REFERENCES "public"."conversations"("territory_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_messages" ADD CONSTRAINT "conversation_messages_author_fkey" FOREIGN KEY ("territory_id","author_membership_id") REFERENCES "public"."memberships"("territory_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_reads" ADD CONSTRAINT "conversation_reads_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_reads" ADD CONSTRAINT "conversation_reads_conversation_fkey" FOREIGN KEY ("territory_id","conversation_id") REFERENCES "public"."conversations"("territory_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_reads" ADD CONSTRAINT "conversation_reads_membership_fkey" FOREIGN KEY ("territory_id","membership_id") REFERENCES "public"."memberships"("territory_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_listing_fkey" FOREIGN KEY ("territory_id","listing_id") REFERENCES "public"."listings"("territory_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_author_fkey" FOREIGN KEY ("territory_id","author_membership_id") REFERENCES "public"."memberships"("territory_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_responder_fkey" FOREIGN KEY ("territory_id","responder_membership_id") REFERENCES "public"."memberships"("territory_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_author_organisation_fkey" FOREIGN KEY ("territory_id","author_organisation_id") REFERENCES "public"."organisations"("territory_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_responder_organisation_fkey" FOREIGN KEY ("territory_id","responder_organisation_id") REFERENCES "public"."organisations"("territory_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_partners" ADD CONSTRAINT "cooperation_partners_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_partners" ADD CONSTRAINT "cooperation_partners_cooperation_fkey" FOREIGN KEY ("territory_id","cooperation_id") REFERENCES "public"."cooperations"("territory_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_partners" ADD CONSTRAINT "cooperation_partners_membership_fkey" FOREIGN KEY ("territory_id","membership_id") REFERENCES "public"."memberships"("territory_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_partners" ADD CONSTRAINT "cooperation_partners_organisation_fkey" FOREIGN KEY ("territory_id","organisation_id") REFERENCES "public"."organisations"("territory_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_partners" ADD CONSTRAINT "cooperation_partners_decided_by_fkey" FOREIGN KEY ("territory_id","decided_by_membership_id") REFERENCES "public"."memberships"("territory_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperations" ADD CONSTRAINT "cooperations_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperations" ADD CONSTRAINT "cooperations_listing_fkey" FOREIGN KEY ("territory_id","listing_id") REFERENCES "public"."listings"("territory_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperations" ADD CONSTRAINT "cooperations_conversation_fkey" FOREIGN KEY ("territory_id","conversation_id") REFERENCES "public"."conversations"("territory_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperations" ADD CONSTRAINT "cooperations_recorder_fkey" FOREIGN KEY ("territory_id","recorded_by_membership_id") REFERENCES "public"."memberships"("territory_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperations" ADD CONSTRAINT "cooperations_recorder_organisation_fkey" FOREIGN KEY ("territory_id","recorded_by_organisation_id") REFERENCES "public"."organisations"("territory_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_searches" ADD CONSTRAINT "saved_searches_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_searches" ADD CONSTRAINT "saved_searches_membership_fkey" FOREIGN KEY ("territory_id","membership_id") REFERENCES "public"."memberships"("territory_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_searches" ADD CONSTRAINT "saved_searches_category_fkey" FOREIGN KEY ("territory_id","category_id") REFERENCES "public"."categories"("territory_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unsubscribe_tokens" ADD CONSTRAINT "unsubscribe_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversation_messages_thread_idx" ON "conversation_messages" USING btree ("territory_id","conversation_id","created_at");--> statement-breakpoint
CREATE INDEX "conversations_author_idx" ON "conversations" USING btree ("territory_id","author_membership_id","last_message_at");--> statement-breakpoint
CREATE INDEX "conversations_responder_idx" ON "conversations" USING btree ("territory_id","responder_membership_id","last_message_at");--> statement-breakpoint
CREATE INDEX "conversations_author_organisation_idx" ON "conversations" USING btree ("territory_id","author_organisation_id");--> statement-breakpoint
CREATE INDEX "conversations_responder_organisation_idx" ON "conversations" USING btree ("territory_id","responder_organisation_id");--> statement-breakpoint
CREATE INDEX "cooperation_partners_membership_idx" ON "cooperation_partners" USING btree ("territory_id","membership_id");--> statement-breakpoint
CREATE INDEX "cooperation_partners_organisation_idx" ON "cooperation_partners" USING btree ("territory_id","organisation_id");--> statement-breakpoint
CREATE INDEX "cooperations_listing_idx" ON "cooperations" USING btree ("territory_id","listing_id");--> statement-breakpoint
CREATE INDEX "cooperations_status_idx" ON "cooperations" USING btree ("territory_id","status","created_at");--> statement-breakpoint
CREATE INDEX "notifications_recipient_idx" ON "notifications" USING btree ("territory_id","user_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_unemailed_idx" ON "notifications" USING btree ("user_id") WHERE emailed_at IS NULL;--> statement-breakpoint
CREATE INDEX "saved_searches_membership_idx" ON "saved_searches" USING btree ("territory_id","membership_id");--> statement-breakpoint
CREATE INDEX "unsubscribe_tokens_user_idx" ON "unsubscribe_tokens" USING btree ("user_id");