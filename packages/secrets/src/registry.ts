import type { Detector } from "./define-detector.js";
import ablyApiKey from "./detectors/ably-api-key.js";
import adafruitIoKey from "./detectors/adafruit-io-key.js";
import adyenApiKey from "./detectors/adyen-api-key.js";
import ageSecretKey from "./detectors/age-secret-key.js";
import airtablePat from "./detectors/airtable-pat.js";
import akamaiEdgegridToken from "./detectors/akamai-edgegrid-token.js";
import alchemyApiKey from "./detectors/alchemy-api-key.js";
import algoliaAdminKey from "./detectors/algolia-admin-key.js";
import alibabaAccessKeyId from "./detectors/alibaba-access-key-id.js";
import alibabaAccessKeySecret from "./detectors/alibaba-access-key-secret.js";
import amplitudeSecretKey from "./detectors/amplitude-secret-key.js";
import anthropicAdminKey from "./detectors/anthropic-admin-key.js";
import anthropicApiKey from "./detectors/anthropic-api-key.js";
import asanaPat from "./detectors/asana-pat.js";
import assemblyaiApiKey from "./detectors/assemblyai-api-key.js";
import atlassianApiToken from "./detectors/atlassian-api-token.js";
import atlassianApiTokenLegacy from "./detectors/atlassian-api-token-legacy.js";
import auth0ClientSecret from "./detectors/auth0-client-secret.js";
import authorizationHeader from "./detectors/authorization-header.js";
import awsAccessKeyId from "./detectors/aws-access-key-id.js";
import awsBedrockApiKey from "./detectors/aws-bedrock-api-key.js";
import awsBedrockShortTermApiKey from "./detectors/aws-bedrock-short-term-api-key.js";
import awsSecretAccessKey from "./detectors/aws-secret-access-key.js";
import awsSessionToken from "./detectors/aws-session-token.js";
import axiomApiToken from "./detectors/axiom-api-token.js";
import azureAdClientSecret from "./detectors/azure-ad-client-secret.js";
import azureCosmosDbKey from "./detectors/azure-cosmos-db-key.js";
import azureDevopsPat from "./detectors/azure-devops-pat.js";
import azureOpenaiApiKey from "./detectors/azure-openai-api-key.js";
import azureSasToken from "./detectors/azure-sas-token.js";
import azureServiceBusKey from "./detectors/azure-service-bus-key.js";
import azureStorageAccountKey from "./detectors/azure-storage-account-key.js";
import backblazeB2ApplicationKey from "./detectors/backblaze-b2-application-key.js";
import binanceApiSecret from "./detectors/binance-api-secret.js";
import bitbucketAppPassword from "./detectors/bitbucket-app-password.js";
import bitlyAccessToken from "./detectors/bitly-access-token.js";
import boxDeveloperToken from "./detectors/box-developer-token.js";
import braintreeAccessToken from "./detectors/braintree-access-token.js";
import brevoApiKey from "./detectors/brevo-api-key.js";
import brevoSmtpKey from "./detectors/brevo-smtp-key.js";
import browserstackAccessKey from "./detectors/browserstack-access-key.js";
import bugsnagApiKey from "./detectors/bugsnag-api-key.js";
import buildkiteToken from "./detectors/buildkite-token.js";
import cerebrasApiKey from "./detectors/cerebras-api-key.js";
import checkoutComSandboxSecretKey from "./detectors/checkout-com-sandbox-secret-key.js";
import checkoutComSecretKey from "./detectors/checkout-com-secret-key.js";
import circleciToken from "./detectors/circleci-token.js";
import clickhouseCloudApiKey from "./detectors/clickhouse-cloud-api-key.js";
import clickupApiToken from "./detectors/clickup-api-token.js";
import clojarsToken from "./detectors/clojars-token.js";
import cloudflareApiToken from "./detectors/cloudflare-api-token.js";
import cloudflareGlobalApiKey from "./detectors/cloudflare-global-api-key.js";
import cloudflareOriginCaKey from "./detectors/cloudflare-origin-ca-key.js";
import cloudinaryUrl from "./detectors/cloudinary-url.js";
import cloudsmithApiKey from "./detectors/cloudsmith-api-key.js";
import codacyApiToken from "./detectors/codacy-api-token.js";
import codecovUploadToken from "./detectors/codecov-upload-token.js";
import cohereApiKey from "./detectors/cohere-api-key.js";
import coinbaseApiSecret from "./detectors/coinbase-api-secret.js";
import confluentCloudApiSecret from "./detectors/confluent-cloud-api-secret.js";
import confluentCloudApiSecretCflt from "./detectors/confluent-cloud-api-secret-cflt.js";
import connectionStringPassword from "./detectors/connection-string-password.js";
import contentfulPat from "./detectors/contentful-pat.js";
import coverallsRepoToken from "./detectors/coveralls-repo-token.js";
import cratesIoToken from "./detectors/crates-io-token.js";
import credentialsFile from "./detectors/credentials-file.js";
import curlUserPassword from "./detectors/curl-user-password.js";
import databaseUrlPassword from "./detectors/database-url-password.js";
import databricksToken from "./detectors/databricks-token.js";
import datadogApiKey from "./detectors/datadog-api-key.js";
import datadogAppKey from "./detectors/datadog-app-key.js";
import deepgramApiKey from "./detectors/deepgram-api-key.js";
import deepseekApiKey from "./detectors/deepseek-api-key.js";
import denoDeployToken from "./detectors/deno-deploy-token.js";
import digitaloceanToken from "./detectors/digitalocean-token.js";
import discordBotToken from "./detectors/discord-bot-token.js";
import discordWebhookUrl from "./detectors/discord-webhook-url.js";
import dockerConfigAuth from "./detectors/docker-config-auth.js";
import dockerHubToken from "./detectors/docker-hub-token.js";
import dopplerToken from "./detectors/doppler-token.js";
import droneCiToken from "./detectors/drone-ci-token.js";
import dropboxShortLivedToken from "./detectors/dropbox-short-lived-token.js";
import duffelAccessToken from "./detectors/duffel-access-token.js";
import dynatraceToken from "./detectors/dynatrace-token.js";
import e2bApiKey from "./detectors/e2b-api-key.js";
import easypostApiKey from "./detectors/easypost-api-key.js";
import elevenlabsApiKey from "./detectors/elevenlabs-api-key.js";
import envFile from "./detectors/env-file.js";
import envListSecret from "./detectors/env-list-secret.js";
import etherscanApiKey from "./detectors/etherscan-api-key.js";
import exoscaleApiKey from "./detectors/exoscale-api-key.js";
import facebookAccessToken from "./detectors/facebook-access-token.js";
import fastlyApiToken from "./detectors/fastly-api-token.js";
import figmaPat from "./detectors/figma-pat.js";
import firebaseCloudMessagingServerKey from "./detectors/firebase-cloud-messaging-server-key.js";
import firecrawlApiKey from "./detectors/firecrawl-api-key.js";
import fireworksApiKey from "./detectors/fireworks-api-key.js";
import flutterwaveSecretKey from "./detectors/flutterwave-secret-key.js";
import flyIoToken from "./detectors/fly-io-token.js";
import genericSecretAssignment from "./detectors/generic-secret-assignment.js";
import giteaAccessToken from "./detectors/gitea-access-token.js";
import githubFineGrainedPat from "./detectors/github-fine-grained-pat.js";
import githubOauthToken from "./detectors/github-oauth-token.js";
import githubPat from "./detectors/github-pat.js";
import githubRefreshToken from "./detectors/github-refresh-token.js";
import githubServerToServerToken from "./detectors/github-server-to-server-token.js";
import githubUserToServerToken from "./detectors/github-user-to-server-token.js";
import gitlabAgentToken from "./detectors/gitlab-agent-token.js";
import gitlabCiBuildToken from "./detectors/gitlab-ci-build-token.js";
import gitlabDeployToken from "./detectors/gitlab-deploy-token.js";
import gitlabFeatureFlagClientToken from "./detectors/gitlab-feature-flag-client-token.js";
import gitlabFeedToken from "./detectors/gitlab-feed-token.js";
import gitlabIncomingMailToken from "./detectors/gitlab-incoming-mail-token.js";
import gitlabOauthAppSecret from "./detectors/gitlab-oauth-app-secret.js";
import gitlabPat from "./detectors/gitlab-pat.js";
import gitlabPipelineTriggerToken from "./detectors/gitlab-pipeline-trigger-token.js";
import gitlabRunnerToken from "./detectors/gitlab-runner-token.js";
import gitlabScimToken from "./detectors/gitlab-scim-token.js";
import gitterAccessToken from "./detectors/gitter-access-token.js";
import gocardlessAccessToken from "./detectors/gocardless-access-token.js";
import googleApiKey from "./detectors/google-api-key.js";
import googleOauthAccessToken from "./detectors/google-oauth-access-token.js";
import googleOauthClientSecret from "./detectors/google-oauth-client-secret.js";
import googleServiceAccount from "./detectors/google-service-account.js";
import gradlePluginPortalSecret from "./detectors/gradle-plugin-portal-secret.js";
import grafanaCloudToken from "./detectors/grafana-cloud-token.js";
import grafanaServiceAccountToken from "./detectors/grafana-service-account-token.js";
import groqApiKey from "./detectors/groq-api-key.js";
import harnessAccessToken from "./detectors/harness-access-token.js";
import hashicorpVaultToken from "./detectors/hashicorp-vault-token.js";
import herokuApiKey from "./detectors/heroku-api-key.js";
import herokuHrkuApiKey from "./detectors/heroku-hrku-api-key.js";
import hetznerCloudToken from "./detectors/hetzner-cloud-token.js";
import hexApiKey from "./detectors/hex-api-key.js";
import honeybadgerPersonalToken from "./detectors/honeybadger-personal-token.js";
import honeycombApiKey from "./detectors/honeycomb-api-key.js";
import huaweiCloudSecretAccessKey from "./detectors/huawei-cloud-secret-access-key.js";
import hubspotPrivateAppToken from "./detectors/hubspot-private-app-token.js";
import huggingfaceOrgToken from "./detectors/huggingface-org-token.js";
import huggingfaceToken from "./detectors/huggingface-token.js";
import ibmCloudApiKey from "./detectors/ibm-cloud-api-key.js";
import infracostApiKey from "./detectors/infracost-api-key.js";
import infuraApiKey from "./detectors/infura-api-key.js";
import intercomAccessToken from "./detectors/intercom-access-token.js";
import jenkinsApiToken from "./detectors/jenkins-api-token.js";
import jfrogApiKey from "./detectors/jfrog-api-key.js";
import jfrogReferenceToken from "./detectors/jfrog-reference-token.js";
import jinaApiKey from "./detectors/jina-api-key.js";
import jwt from "./detectors/jwt.js";
import kubernetesSecretManifest from "./detectors/kubernetes-secret-manifest.js";
import langfuseSecretKey from "./detectors/langfuse-secret-key.js";
import langsmithApiKey from "./detectors/langsmith-api-key.js";
import launchdarklyKey from "./detectors/launchdarkly-key.js";
import lineChannelAccessToken from "./detectors/line-channel-access-token.js";
import linearApiKey from "./detectors/linear-api-key.js";
import linearOauthToken from "./detectors/linear-oauth-token.js";
import linodeToken from "./detectors/linode-token.js";
import logglyCustomerToken from "./detectors/loggly-customer-token.js";
import logzioToken from "./detectors/logzio-token.js";
import mailchimpApiKey from "./detectors/mailchimp-api-key.js";
import mailgunApiKey from "./detectors/mailgun-api-key.js";
import mailjetApiKey from "./detectors/mailjet-api-key.js";
import mandrillApiKey from "./detectors/mandrill-api-key.js";
import mapboxSecretToken from "./detectors/mapbox-secret-token.js";
import mattermostAccessToken from "./detectors/mattermost-access-token.js";
import mavenSettingsPassword from "./detectors/maven-settings-password.js";
import maxmindLicenseKey from "./detectors/maxmind-license-key.js";
import maxmindLicenseKeyLegacy from "./detectors/maxmind-license-key-legacy.js";
import messagebirdAccessKey from "./detectors/messagebird-access-key.js";
import mistralApiKey from "./detectors/mistral-api-key.js";
import mixpanelApiSecret from "./detectors/mixpanel-api-secret.js";
import modalTokenSecret from "./detectors/modal-token-secret.js";
import mollieApiKey from "./detectors/mollie-api-key.js";
import mongodbAtlasPrivateKey from "./detectors/mongodb-atlas-private-key.js";
import neonApiKey from "./detectors/neon-api-key.js";
import netlifyAccessToken from "./detectors/netlify-access-token.js";
import newrelicInsertKey from "./detectors/newrelic-insert-key.js";
import newrelicLicenseKey from "./detectors/newrelic-license-key.js";
import newrelicLicenseKeyLegacy from "./detectors/newrelic-license-key-legacy.js";
import newrelicUserApiKey from "./detectors/newrelic-user-api-key.js";
import ngrokAuthtoken from "./detectors/ngrok-authtoken.js";
import notionIntegrationToken from "./detectors/notion-integration-token.js";
import npmAccessToken from "./detectors/npm-access-token.js";
import npmrcAuthToken from "./detectors/npmrc-auth-token.js";
import nugetApiKey from "./detectors/nuget-api-key.js";
import nugetConfigPassword from "./detectors/nuget-config-password.js";
import nvidiaApiKey from "./detectors/nvidia-api-key.js";
import octopusDeployApiKey from "./detectors/octopus-deploy-api-key.js";
import oktaApiToken from "./detectors/okta-api-token.js";
import onepasswordSecretKey from "./detectors/onepassword-secret-key.js";
import onepasswordServiceAccountToken from "./detectors/onepassword-service-account-token.js";
import openaiApiKey from "./detectors/openai-api-key.js";
import openrouterApiKey from "./detectors/openrouter-api-key.js";
import openshiftOauthToken from "./detectors/openshift-oauth-token.js";
import opsgenieApiKey from "./detectors/opsgenie-api-key.js";
import ovhApplicationSecret from "./detectors/ovh-application-secret.js";
import packagistToken from "./detectors/packagist-token.js";
import pagerdutyApiKey from "./detectors/pagerduty-api-key.js";
import papertrailApiToken from "./detectors/papertrail-api-token.js";
import paypalClientSecret from "./detectors/paypal-client-secret.js";
import pemFile from "./detectors/pem-file.js";
import percyToken from "./detectors/percy-token.js";
import perplexityApiKey from "./detectors/perplexity-api-key.js";
import pineconeApiKey from "./detectors/pinecone-api-key.js";
import pkcs12File from "./detectors/pkcs12-file.js";
import plaidAccessToken from "./detectors/plaid-access-token.js";
import plaidSecret from "./detectors/plaid-secret.js";
import planetscaleOauthToken from "./detectors/planetscale-oauth-token.js";
import planetscalePassword from "./detectors/planetscale-password.js";
import planetscaleServiceToken from "./detectors/planetscale-service-token.js";
import plivoAuthToken from "./detectors/plivo-auth-token.js";
import portainerAccessToken from "./detectors/portainer-access-token.js";
import posthogPersonalApiKey from "./detectors/posthog-personal-api-key.js";
import postmanApiKey from "./detectors/postman-api-key.js";
import postmarkServerToken from "./detectors/postmark-server-token.js";
import prefectApiKey from "./detectors/prefect-api-key.js";
import privateKeyDsa from "./detectors/private-key-dsa.js";
import privateKeyEc from "./detectors/private-key-ec.js";
import privateKeyOpenssh from "./detectors/private-key-openssh.js";
import privateKeyPgp from "./detectors/private-key-pgp.js";
import privateKeyPkcs8 from "./detectors/private-key-pkcs8.js";
import privateKeyPkcs8Encrypted from "./detectors/private-key-pkcs8-encrypted.js";
import privateKeyPutty from "./detectors/private-key-putty.js";
import privateKeyRsa from "./detectors/private-key-rsa.js";
import pulumiAccessToken from "./detectors/pulumi-access-token.js";
import pusherAppSecret from "./detectors/pusher-app-secret.js";
import pushoverApiToken from "./detectors/pushover-api-token.js";
import pypiToken from "./detectors/pypi-token.js";
import pypircPassword from "./detectors/pypirc-password.js";
import railwayApiToken from "./detectors/railway-api-token.js";
import razorpayKeySecret from "./detectors/razorpay-key-secret.js";
import readmeApiKey from "./detectors/readme-api-key.js";
import renderApiKey from "./detectors/render-api-key.js";
import replicateApiToken from "./detectors/replicate-api-token.js";
import resendApiKey from "./detectors/resend-api-key.js";
import rollbarAccessToken from "./detectors/rollbar-access-token.js";
import rubygemsApiKey from "./detectors/rubygems-api-key.js";
import salesforceAccessToken from "./detectors/salesforce-access-token.js";
import sanityApiToken from "./detectors/sanity-api-token.js";
import sauceLabsAccessKey from "./detectors/sauce-labs-access-key.js";
import scalewaySecretKey from "./detectors/scaleway-secret-key.js";
import scalingoApiToken from "./detectors/scalingo-api-token.js";
import sendbirdApiToken from "./detectors/sendbird-api-token.js";
import sendgridApiKey from "./detectors/sendgrid-api-key.js";
import sentryOrgToken from "./detectors/sentry-org-token.js";
import sentryUserToken from "./detectors/sentry-user-token.js";
import serpapiApiKey from "./detectors/serpapi-api-key.js";
import shippoApiToken from "./detectors/shippo-api-token.js";
import shopifyAccessToken from "./detectors/shopify-access-token.js";
import shopifySharedSecret from "./detectors/shopify-shared-secret.js";
import sidekiqGemCredentials from "./detectors/sidekiq-gem-credentials.js";
import sidekiqGemUrl from "./detectors/sidekiq-gem-url.js";
import slackAppToken from "./detectors/slack-app-token.js";
import slackBotToken from "./detectors/slack-bot-token.js";
import slackConfigToken from "./detectors/slack-config-token.js";
import slackLegacyBotToken from "./detectors/slack-legacy-bot-token.js";
import slackLegacyToken from "./detectors/slack-legacy-token.js";
import slackUserToken from "./detectors/slack-user-token.js";
import slackWebhookUrl from "./detectors/slack-webhook-url.js";
import slackWorkspaceToken from "./detectors/slack-workspace-token.js";
import snykApiToken from "./detectors/snyk-api-token.js";
import sonarcloudToken from "./detectors/sonarcloud-token.js";
import sonarqubeToken from "./detectors/sonarqube-token.js";
import sourcegraphAccessToken from "./detectors/sourcegraph-access-token.js";
import sparkpostApiKey from "./detectors/sparkpost-api-key.js";
import splunkHecToken from "./detectors/splunk-hec-token.js";
import squareAccessToken from "./detectors/square-access-token.js";
import squareLegacyAccessToken from "./detectors/square-legacy-access-token.js";
import squareOauthSecret from "./detectors/square-oauth-secret.js";
import sshPrivateKeyFile from "./detectors/ssh-private-key-file.js";
import stabilityApiKey from "./detectors/stability-api-key.js";
import stripeRestrictedKey from "./detectors/stripe-restricted-key.js";
import stripeSecretKey from "./detectors/stripe-secret-key.js";
import stripeTestKey from "./detectors/stripe-test-key.js";
import stripeWebhookSecret from "./detectors/stripe-webhook-secret.js";
import sumologicAccessKey from "./detectors/sumologic-access-key.js";
import supabaseAccessToken from "./detectors/supabase-access-token.js";
import supabaseSecretKey from "./detectors/supabase-secret-key.js";
import tailscaleKey from "./detectors/tailscale-key.js";
import tavilyApiKey from "./detectors/tavily-api-key.js";
import teamsWebhookUrl from "./detectors/teams-webhook-url.js";
import telegramBotToken from "./detectors/telegram-bot-token.js";
import tencentSecretId from "./detectors/tencent-secret-id.js";
import terraformCloudToken from "./detectors/terraform-cloud-token.js";
import terraformStateFile from "./detectors/terraform-state-file.js";
import todoistApiToken from "./detectors/todoist-api-token.js";
import togetherApiKey from "./detectors/together-api-key.js";
import travisCiToken from "./detectors/travis-ci-token.js";
import trelloApiToken from "./detectors/trello-api-token.js";
import twilioApiKey from "./detectors/twilio-api-key.js";
import twilioAuthToken from "./detectors/twilio-auth-token.js";
import twitchClientSecret from "./detectors/twitch-client-secret.js";
import twitterApiSecret from "./detectors/twitter-api-secret.js";
import twitterBearerToken from "./detectors/twitter-bearer-token.js";
import typeformPat from "./detectors/typeform-pat.js";
import upstashRedisToken from "./detectors/upstash-redis-token.js";
import urlPassword from "./detectors/url-password.js";
import vercelAccessToken from "./detectors/vercel-access-token.js";
import vonageApiSecret from "./detectors/vonage-api-secret.js";
import voyageApiKey from "./detectors/voyage-api-key.js";
import vultrApiKey from "./detectors/vultr-api-key.js";
import wandbApiKey from "./detectors/wandb-api-key.js";
import xaiApiKey from "./detectors/xai-api-key.js";
import yandexApiKey from "./detectors/yandex-api-key.js";
import yandexIamToken from "./detectors/yandex-iam-token.js";
import zapierWebhookUrl from "./detectors/zapier-webhook-url.js";
import zendeskApiToken from "./detectors/zendesk-api-token.js";
import zulipApiKey from "./detectors/zulip-api-key.js";

/** Every built-in detector, sorted by id (each file in src/detectors/ but shared.ts; a test keeps the two in step). */
export const DETECTORS: readonly Detector[] = [
  ablyApiKey,
  adafruitIoKey,
  adyenApiKey,
  ageSecretKey,
  airtablePat,
  akamaiEdgegridToken,
  alchemyApiKey,
  algoliaAdminKey,
  alibabaAccessKeyId,
  alibabaAccessKeySecret,
  amplitudeSecretKey,
  anthropicAdminKey,
  anthropicApiKey,
  asanaPat,
  assemblyaiApiKey,
  atlassianApiToken,
  atlassianApiTokenLegacy,
  auth0ClientSecret,
  authorizationHeader,
  awsAccessKeyId,
  awsBedrockApiKey,
  awsBedrockShortTermApiKey,
  awsSecretAccessKey,
  awsSessionToken,
  axiomApiToken,
  azureAdClientSecret,
  azureCosmosDbKey,
  azureDevopsPat,
  azureOpenaiApiKey,
  azureSasToken,
  azureServiceBusKey,
  azureStorageAccountKey,
  backblazeB2ApplicationKey,
  binanceApiSecret,
  bitbucketAppPassword,
  bitlyAccessToken,
  boxDeveloperToken,
  braintreeAccessToken,
  brevoApiKey,
  brevoSmtpKey,
  browserstackAccessKey,
  bugsnagApiKey,
  buildkiteToken,
  cerebrasApiKey,
  checkoutComSandboxSecretKey,
  checkoutComSecretKey,
  circleciToken,
  clickhouseCloudApiKey,
  clickupApiToken,
  clojarsToken,
  cloudflareApiToken,
  cloudflareGlobalApiKey,
  cloudflareOriginCaKey,
  cloudinaryUrl,
  cloudsmithApiKey,
  codacyApiToken,
  codecovUploadToken,
  cohereApiKey,
  coinbaseApiSecret,
  confluentCloudApiSecret,
  confluentCloudApiSecretCflt,
  connectionStringPassword,
  contentfulPat,
  coverallsRepoToken,
  cratesIoToken,
  credentialsFile,
  curlUserPassword,
  databaseUrlPassword,
  databricksToken,
  datadogApiKey,
  datadogAppKey,
  deepgramApiKey,
  deepseekApiKey,
  denoDeployToken,
  digitaloceanToken,
  discordBotToken,
  discordWebhookUrl,
  dockerConfigAuth,
  dockerHubToken,
  dopplerToken,
  droneCiToken,
  dropboxShortLivedToken,
  duffelAccessToken,
  dynatraceToken,
  e2bApiKey,
  easypostApiKey,
  elevenlabsApiKey,
  envFile,
  envListSecret,
  etherscanApiKey,
  exoscaleApiKey,
  facebookAccessToken,
  fastlyApiToken,
  figmaPat,
  firebaseCloudMessagingServerKey,
  firecrawlApiKey,
  fireworksApiKey,
  flutterwaveSecretKey,
  flyIoToken,
  genericSecretAssignment,
  giteaAccessToken,
  githubFineGrainedPat,
  githubOauthToken,
  githubPat,
  githubRefreshToken,
  githubServerToServerToken,
  githubUserToServerToken,
  gitlabAgentToken,
  gitlabCiBuildToken,
  gitlabDeployToken,
  gitlabFeatureFlagClientToken,
  gitlabFeedToken,
  gitlabIncomingMailToken,
  gitlabOauthAppSecret,
  gitlabPat,
  gitlabPipelineTriggerToken,
  gitlabRunnerToken,
  gitlabScimToken,
  gitterAccessToken,
  gocardlessAccessToken,
  googleApiKey,
  googleOauthAccessToken,
  googleOauthClientSecret,
  googleServiceAccount,
  gradlePluginPortalSecret,
  grafanaCloudToken,
  grafanaServiceAccountToken,
  groqApiKey,
  harnessAccessToken,
  hashicorpVaultToken,
  herokuApiKey,
  herokuHrkuApiKey,
  hetznerCloudToken,
  hexApiKey,
  honeybadgerPersonalToken,
  honeycombApiKey,
  huaweiCloudSecretAccessKey,
  hubspotPrivateAppToken,
  huggingfaceOrgToken,
  huggingfaceToken,
  ibmCloudApiKey,
  infracostApiKey,
  infuraApiKey,
  intercomAccessToken,
  jenkinsApiToken,
  jfrogApiKey,
  jfrogReferenceToken,
  jinaApiKey,
  jwt,
  kubernetesSecretManifest,
  langfuseSecretKey,
  langsmithApiKey,
  launchdarklyKey,
  lineChannelAccessToken,
  linearApiKey,
  linearOauthToken,
  linodeToken,
  logglyCustomerToken,
  logzioToken,
  mailchimpApiKey,
  mailgunApiKey,
  mailjetApiKey,
  mandrillApiKey,
  mapboxSecretToken,
  mattermostAccessToken,
  mavenSettingsPassword,
  maxmindLicenseKey,
  maxmindLicenseKeyLegacy,
  messagebirdAccessKey,
  mistralApiKey,
  mixpanelApiSecret,
  modalTokenSecret,
  mollieApiKey,
  mongodbAtlasPrivateKey,
  neonApiKey,
  netlifyAccessToken,
  newrelicInsertKey,
  newrelicLicenseKey,
  newrelicLicenseKeyLegacy,
  newrelicUserApiKey,
  ngrokAuthtoken,
  notionIntegrationToken,
  npmAccessToken,
  npmrcAuthToken,
  nugetApiKey,
  nugetConfigPassword,
  nvidiaApiKey,
  octopusDeployApiKey,
  oktaApiToken,
  onepasswordSecretKey,
  onepasswordServiceAccountToken,
  openaiApiKey,
  openrouterApiKey,
  openshiftOauthToken,
  opsgenieApiKey,
  ovhApplicationSecret,
  packagistToken,
  pagerdutyApiKey,
  papertrailApiToken,
  paypalClientSecret,
  pemFile,
  percyToken,
  perplexityApiKey,
  pineconeApiKey,
  pkcs12File,
  plaidAccessToken,
  plaidSecret,
  planetscaleOauthToken,
  planetscalePassword,
  planetscaleServiceToken,
  plivoAuthToken,
  portainerAccessToken,
  posthogPersonalApiKey,
  postmanApiKey,
  postmarkServerToken,
  prefectApiKey,
  privateKeyDsa,
  privateKeyEc,
  privateKeyOpenssh,
  privateKeyPgp,
  privateKeyPkcs8,
  privateKeyPkcs8Encrypted,
  privateKeyPutty,
  privateKeyRsa,
  pulumiAccessToken,
  pusherAppSecret,
  pushoverApiToken,
  pypiToken,
  pypircPassword,
  railwayApiToken,
  razorpayKeySecret,
  readmeApiKey,
  renderApiKey,
  replicateApiToken,
  resendApiKey,
  rollbarAccessToken,
  rubygemsApiKey,
  salesforceAccessToken,
  sanityApiToken,
  sauceLabsAccessKey,
  scalewaySecretKey,
  scalingoApiToken,
  sendbirdApiToken,
  sendgridApiKey,
  sentryOrgToken,
  sentryUserToken,
  serpapiApiKey,
  shippoApiToken,
  shopifyAccessToken,
  shopifySharedSecret,
  sidekiqGemCredentials,
  sidekiqGemUrl,
  slackAppToken,
  slackBotToken,
  slackConfigToken,
  slackLegacyBotToken,
  slackLegacyToken,
  slackUserToken,
  slackWebhookUrl,
  slackWorkspaceToken,
  snykApiToken,
  sonarcloudToken,
  sonarqubeToken,
  sourcegraphAccessToken,
  sparkpostApiKey,
  splunkHecToken,
  squareAccessToken,
  squareLegacyAccessToken,
  squareOauthSecret,
  sshPrivateKeyFile,
  stabilityApiKey,
  stripeRestrictedKey,
  stripeSecretKey,
  stripeTestKey,
  stripeWebhookSecret,
  sumologicAccessKey,
  supabaseAccessToken,
  supabaseSecretKey,
  tailscaleKey,
  tavilyApiKey,
  teamsWebhookUrl,
  telegramBotToken,
  tencentSecretId,
  terraformCloudToken,
  terraformStateFile,
  todoistApiToken,
  togetherApiKey,
  travisCiToken,
  trelloApiToken,
  twilioApiKey,
  twilioAuthToken,
  twitchClientSecret,
  twitterApiSecret,
  twitterBearerToken,
  typeformPat,
  upstashRedisToken,
  urlPassword,
  vercelAccessToken,
  vonageApiSecret,
  voyageApiKey,
  vultrApiKey,
  wandbApiKey,
  xaiApiKey,
  yandexApiKey,
  yandexIamToken,
  zapierWebhookUrl,
  zendeskApiToken,
  zulipApiKey,
];
