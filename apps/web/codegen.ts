import type { CodegenConfig } from "@graphql-codegen/cli";
import { spaCodegenConfig } from "@shop/codegen";

// The web shop's typed queries (src/gql/), as the admin's: see @shop/codegen.
const config: CodegenConfig = spaCodegenConfig();
export default config;
