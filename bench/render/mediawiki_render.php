<?php
/**
 * MediaWiki's own render time for the same corpus pages, as the baseline of bench/render.
 *
 *   MW_CONFIG_FILE=.../LocalSettings.php php bench/render/mediawiki_render.php DIR
 *
 * Parses every DIR/*.wikitext in-process with Parser::parse and ParserOutput::getText
 * (TOC and section edit links, as Vellum's render does) and prints one JSON object:
 * pages, bytes, cpu and wall seconds.
 */

use MediaWiki\MediaWikiServices;

$IP = getenv( 'MW_INSTALL_PATH' ) ?: '/usr/share/mediawiki';
require_once "$IP/maintenance/Maintenance.php";

class BenchRender extends Maintenance {
	public function __construct() {
		parent::__construct();
		$this->addArg( 'dir', 'directory of .wikitext files' );
	}

	public function execute() {
		$files = glob( rtrim( $this->getArg( 0 ), '/' ) . '/*.wikitext' );
		sort( $files );
		$factory = MediaWikiServices::getInstance()->getParserFactory();
		$opts = ParserOptions::newFromAnon();
		$warm = Title::newFromText( 'Warm up' );
		$factory->create()->parse( "warm up [[x]] ''y''", $warm, $opts )->getText();
		$pages = [];
		foreach ( $files as $f ) {
			$name = str_replace( '_', ' ', basename( $f, '.wikitext' ) );
			$pages[] = [ Title::newFromText( $name ) ?? $warm, file_get_contents( $f ) ];
		}
		$bytes = 0;
		$cpu0 = getrusage();
		$wall0 = hrtime( true );
		foreach ( $pages as [ $title, $text ] ) {
			$bytes += strlen( $text );
			$factory->create()->parse( $text, $title, $opts, true, true, 1 )->getText();
		}
		$wall = ( hrtime( true ) - $wall0 ) / 1e9;
		$cpu1 = getrusage();
		$cpu = ( $cpu1['ru_utime.tv_sec'] - $cpu0['ru_utime.tv_sec'] )
			+ ( $cpu1['ru_utime.tv_usec'] - $cpu0['ru_utime.tv_usec'] ) / 1e6
			+ ( $cpu1['ru_stime.tv_sec'] - $cpu0['ru_stime.tv_sec'] )
			+ ( $cpu1['ru_stime.tv_usec'] - $cpu0['ru_stime.tv_usec'] ) / 1e6;
		echo json_encode( [ 'pages' => count( $pages ), 'bytes' => $bytes, 'cpu' => $cpu,
			'wall' => $wall, 'version' => MW_VERSION ] ), "\n";
	}
}

$maintClass = BenchRender::class;
require_once RUN_MAINTENANCE_IF_MAIN;
