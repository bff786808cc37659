import { ReviewPanel as ReviewPanel_80dfe2ae1cec06200fcccd7228bc9003 } from '../../../../src/workflow/components/ReviewPanel'
import { SourceText as SourceText_680a7d291f88cca93284a8ae0166b152 } from '../../../../src/workflow/components/SourceText'
import { NoInput as NoInput_5051a258f089aee4d8fe77e6a26eab92 } from '../../../../src/ui/NoInput'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ReviewStateCell as ReviewStateCell_4fd407b4cdb40a2aed9dc10ffac91b4c } from '../../../../src/workflow/components/StateCells'
import { SourceStateCell as SourceStateCell_4fd407b4cdb40a2aed9dc10ffac91b4c } from '../../../../src/workflow/components/StateCells'
import { JsonView as JsonView_490c9546659adc183d64c4da2f0a72f6 } from '../../../../src/components/JsonView'
import { PublishPanel as PublishPanel_b6ecd826f1b5221b8852c0a8576e31ed } from '../../../../src/components/PublishPanel'
import { KeepSavedTitle as KeepSavedTitle_4c48120781852ca629db8d632a389e1f } from '../../../../src/ui/KeepSavedTitle'
import { RedeliverMessage as RedeliverMessage_73031a957fdc5f30b94375d85d4fb05a } from '../../../../src/components/RedeliverMessage'
import { CloseObjection as CloseObjection_341bf1817cf193518470ff3d70c5dd87 } from '../../../../src/components/CloseObjection'
import { RoleField as RoleField_b26e207af55bd5202013c11729b73921 } from '../../../../src/ui/RoleField'
import { LogoField as LogoField_35de3dcbe446372cd3a27b6c17d4a090 } from '../../../../src/components/LogoField'
import { TranslationsNavLink as TranslationsNavLink_10b1cd9704dbe5b3589473d2af59eccd } from '../../../../src/components/TranslationsNavLink'
import { ReviewQueue as ReviewQueue_c4d1cf6dd9501594a0d5c38f38f4e304 } from '../../../../src/components/ReviewQueue'
import { AdminAccessibility as AdminAccessibility_193697ebba0effd604c21d8ff20b76ce } from '../../../../src/ui/AdminAccessibility'
import { RememberLanguageChoice as RememberLanguageChoice_de92d4dbcd8f4765a2e3edf1fca6ec0f } from '../../../../src/ui/RememberLanguageChoice'
import { TranslationsDashboard as TranslationsDashboard_a0ee86a813d2c6f33dc87132c099104c } from '../../../../src/components/TranslationsDashboard'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/src/workflow/components/ReviewPanel#ReviewPanel": ReviewPanel_80dfe2ae1cec06200fcccd7228bc9003,
  "/src/workflow/components/SourceText#SourceText": SourceText_680a7d291f88cca93284a8ae0166b152,
  "/src/ui/NoInput#NoInput": NoInput_5051a258f089aee4d8fe77e6a26eab92,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/src/workflow/components/StateCells#ReviewStateCell": ReviewStateCell_4fd407b4cdb40a2aed9dc10ffac91b4c,
  "/src/workflow/components/StateCells#SourceStateCell": SourceStateCell_4fd407b4cdb40a2aed9dc10ffac91b4c,
  "/src/components/JsonView#JsonView": JsonView_490c9546659adc183d64c4da2f0a72f6,
  "/src/components/PublishPanel#PublishPanel": PublishPanel_b6ecd826f1b5221b8852c0a8576e31ed,
  "/src/ui/KeepSavedTitle#KeepSavedTitle": KeepSavedTitle_4c48120781852ca629db8d632a389e1f,
  "/src/components/RedeliverMessage#RedeliverMessage": RedeliverMessage_73031a957fdc5f30b94375d85d4fb05a,
  "/src/components/CloseObjection#CloseObjection": CloseObjection_341bf1817cf193518470ff3d70c5dd87,
  "/src/ui/RoleField#RoleField": RoleField_b26e207af55bd5202013c11729b73921,
  "/src/components/LogoField#LogoField": LogoField_35de3dcbe446372cd3a27b6c17d4a090,
  "/src/components/TranslationsNavLink#TranslationsNavLink": TranslationsNavLink_10b1cd9704dbe5b3589473d2af59eccd,
  "/src/components/ReviewQueue#ReviewQueue": ReviewQueue_c4d1cf6dd9501594a0d5c38f38f4e304,
  "/src/ui/AdminAccessibility#AdminAccessibility": AdminAccessibility_193697ebba0effd604c21d8ff20b76ce,
  "/src/ui/RememberLanguageChoice#RememberLanguageChoice": RememberLanguageChoice_de92d4dbcd8f4765a2e3edf1fca6ec0f,
  "/src/components/TranslationsDashboard#TranslationsDashboard": TranslationsDashboard_a0ee86a813d2c6f33dc87132c099104c,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
